<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DurationText</name>
    <message numerus="yes">
        <source>%Ln days</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::PlanUsagePage</name>
    <message numerus="yes">
        <source>Up to %1 emails a month (a hard limit)</source>
        <translation>
            <numerusform>Up to %1 email a month (a hard limit)</numerusform>
            <numerusform>Up to %1 emails a month (a hard limit)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 emails a month included</source>
        <translation>
            <numerusform>%1 email a month included</numerusform>
            <numerusform>%1 emails a month included</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sending profiles</source>
        <translation>
            <numerusform>%Ln sending profile</numerusform>
            <numerusform>%Ln sending profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Data kept for %Ln days</source>
        <translation>
            <numerusform>Data kept for %Ln day</numerusform>
            <numerusform>Data kept for %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 emails in the last 30 days, of %2 a month (%3 %)</source>
        <translation>
            <numerusform>%1 email in the last 30 days, of %2 a month (%3 %)</numerusform>
            <numerusform>%1 emails in the last 30 days, of %2 a month (%3 %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 emails in the last 30 days</source>
        <translation>
            <numerusform>%1 email in the last 30 days</numerusform>
            <numerusform>%1 emails in the last 30 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::SettingsDialog</name>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
</TS>
