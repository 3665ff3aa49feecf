<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, access token %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, access token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token: %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token: expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session: %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionTexts</name>
    <message>
        <source>You are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out on this computer. The server could not be told (%1), so the session there ends by itself within 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed out, but the saved sign-in could not be removed from the keyring (%1). It no longer works; you can delete it with your keyring tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed in on another device, which ended the session here. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended this session — most likely you signed in on another device. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session reached its 30-day limit, so it has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved sign-in could not be read, so it was removed. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved sign-in was made by a newer version of SMTPD Accounts, so this version leaves it untouched. Update the app, or sign in again here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in will be kept for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1 Retrying automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ends within a day (the 30-day limit). Sign in again now to avoid an interruption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ends soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd</name>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read everything and send email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send email, nothing else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read everything, change nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infrastructure as code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create resources — sending profiles, web forms, templates — but send no email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountListDelegate</name>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountListModel</name>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountWindow</name>
    <message>
        <source>&amp;Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Authorization &amp;header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Authorization header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy c&amp;url command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPD Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp;&amp; usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This signs the account out on the server and forgets it on this computer. Its API access from other computers is not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile details could not be loaded yet; trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member since %1 · last updated %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token expired; a new one is fetched when needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ends in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. It stays on the clipboard until you sign out or quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::ApiKeysPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name or key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no API keys yet. Programs and scripts sign in with a key and its secret: choose Create key, give it a name and a role, and copy the secret when it is shown — only that once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions of the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 (Copy key copies it whole)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Build server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the key a name, so you know later what uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the API key “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs that use it can no longer sign in, and its sessions end. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::AvatarView</name>
    <message>
        <source>Profile picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gravatar picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initials %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::KeychainProblemWindow</name>
    <message>
        <source>Keychain unavailable – SMTPD Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPD Accounts keeps your sign-in only in the system keychain, never in a plain file. You can try again (for example after unlocking the keyring), or stay signed in for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue for this run only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::OneTimeSecretDialog</name>
    <message>
        <source>I have copied the secret and stored it safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key “%1” was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Its secret is shown only this once.&lt;/b&gt; Copy it now and keep it somewhere safe: SMTPD Accounts does not store it, and the server will not show it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have copied the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without the secret?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret cannot be shown again. Without it the key cannot sign in; you would have to revoke it and create another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::PlanUsagePage</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan &amp; usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails used against the monthly limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails by category, last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh plan and usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>basic reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>advanced reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US$%1 a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to %1 emails a month (a hard limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 emails a month included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US$%1 for each further thousand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 sending profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sending profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data kept for 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data kept for %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No extra features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 emails in the last 30 days, of %2 a month (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The plan&apos;s monthly limit is reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Close to the plan&apos;s monthly limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 emails in the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By category: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage in words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::SessionPresenter</name>
    <message>
        <source>Signing you back in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing the access token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended – sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::SignInWindow</name>
    <message>
        <source>Email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in – SMTPD Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to SMTPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with API key and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a self-hosted server whose certificate comes from a private certificate authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server of an account being renewed cannot change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a server address. Use a full address such as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an email address. It should look like you@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API key&apos;s secret.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::TrayIcon</name>
    <message>
        <source>&amp;Open SMTPD Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy access token (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
