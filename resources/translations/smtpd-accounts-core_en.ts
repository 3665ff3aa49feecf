<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Smtpd::ApiReply</name>
    <message numerus="yes">
        <source>%1 did not answer within %n seconds. The server may be busy or your connection slow; try again in a moment.</source>
        <translation>
            <numerusform>%1 did not answer within %n second. The server may be busy or your connection slow; try again in a moment.</numerusform>
            <numerusform>%1 did not answer within %n seconds. The server may be busy or your connection slow; try again in a moment.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker::BrokerService</name>
    <message numerus="yes">
        <source>&quot;%1&quot; names %n accounts: add its server, as in %1@host:port.</source>
        <translation>
            <numerusform>&quot;%1&quot; names %n account: add its server, as in %1@host:port.</numerusform>
            <numerusform>&quot;%1&quot; names %n accounts: add its server, as in %1@host:port.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::KeychainTokenStore</name>
    <message numerus="yes">
        <source>the keychain did not answer within %n seconds (it may be waiting for an unlock prompt)</source>
        <translation>
            <numerusform>the keychain did not answer within %n second (it may be waiting for an unlock prompt)</numerusform>
            <numerusform>the keychain did not answer within %n seconds (it may be waiting for an unlock prompt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::Session</name>
    <message numerus="yes">
        <source>This server&apos;s access tokens are valid for %n seconds, less than the %1 seconds asked for.</source>
        <translation>
            <numerusform>This server&apos;s access tokens are valid for %n second, less than the %1 seconds asked for.</numerusform>
            <numerusform>This server&apos;s access tokens are valid for %n seconds, less than the %1 seconds asked for.</numerusform>
        </translation>
    </message>
</context>
</TS>
