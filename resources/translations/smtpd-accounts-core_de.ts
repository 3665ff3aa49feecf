<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Smtpd::AccountRecord</name>
    <message>
        <source>API key %1</source>
        <extracomment>%1 is a short, non-secret fingerprint of the key (not the key itself)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker</name>
    <message>
        <source>it reached the 30-day limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sign-in elsewhere with the same credentials ended it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server ended it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signing out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session of %1 has ended: %2. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be used for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker::BrokerServer</name>
    <message>
        <source>The request is longer than %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a request this version of SMTPD Accounts understands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running app does not answer this request.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker::BrokerService</name>
    <message>
        <source>%1 was removed; it had no session to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed from this computer, but the server could not be told to end its session: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of %1, but its keychain item could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of %1 and removed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A raise request gets no answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account has been added yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names %2 accounts: add its server, as in %1@host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file must be given as an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is signing out right now. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sign-in to %1 is already under way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is still being removed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::KeychainTokenStore</name>
    <message>
        <source>the macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Windows Credential Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring (Secret Service)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::MemoryTokenStore</name>
    <message>
        <source>this run only (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::Session</name>
    <message>
        <source>You are signing out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session belongs to another server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server&apos;s access tokens are valid for %1 seconds, less than the %2 seconds asked for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Smtpd::TokenBroker</name>
    <message>
        <source>The server hands out access tokens that expire too soon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
