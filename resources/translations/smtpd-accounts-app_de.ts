<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Smtpd::AccountUi</name>
    <message>
        <source>%1 on %2:%3</source>
        <extracomment>An account&apos;s label off the production server: &quot;Dana Demo (demo@example.com) on staging.example:8443&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::Application</name>
    <message>
        <source>Sign in again to start a new 30-day session. You stay signed in until it succeeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ends %1 (the 30-day limit). Sign in again now to avoid an interruption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A notification about one account: &quot;Dana Demo: You signed in on another device…&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy a fresh access token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy the access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is signing out right now. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is being restored from the keychain. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is still being removed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API key cannot sign in: the key or its secret is wrong, or the key was revoked (keys unused for 90 days are revoked too). The server said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account&apos;s server settings cannot be used: %1 Sign in again with Add account to choose a working CA file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ends %1 (every session lasts 30 days).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::ConsoleController</name>
    <message>
        <source>The key could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be revoked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key&apos;s sessions could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to this account to see its API keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role on this account may not see or manage its API keys (the server said: %1). Ask the account&apos;s owner or an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to this account to see its plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role on this account may not see its plan and usage. Ask the account&apos;s owner or an admin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
