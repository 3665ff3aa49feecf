<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiKeyRole</name>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Read everything and send email.</source>
        <translation>Alles lesen und E-Mails senden.</translation>
    </message>
    <message>
        <source>Send only</source>
        <translation>Nur senden</translation>
    </message>
    <message>
        <source>Send email, nothing else.</source>
        <translation>E-Mails senden, sonst nichts.</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Read everything, change nothing.</source>
        <translation>Alles lesen, nichts ändern.</translation>
    </message>
    <message>
        <source>Infrastructure as code</source>
        <translation>Infrastructure as Code</translation>
    </message>
    <message>
        <source>Create resources — sending profiles, web forms, templates — but send no email.</source>
        <translation>Ressourcen anlegen – Versandprofile, Webformulare, Vorlagen –, aber keine E-Mails senden.</translation>
    </message>
</context>
<context>
    <name>DurationText</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message numerus="yes">
        <source>%Ln days</source>
        <translation>
            <numerusform>%Ln Tag</numerusform>
            <numerusform>%Ln Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTexts</name>
    <message>
        <source>You are signed out.</source>
        <translation>Sie sind abgemeldet.</translation>
    </message>
    <message>
        <source>Signed out on this computer. The server could not be told (%1), so the session there ends by itself within 30 days.</source>
        <translation>Auf diesem Computer abgemeldet. Der Server konnte nicht benachrichtigt werden (%1); die Sitzung dort endet von selbst innerhalb von 30 Tagen.</translation>
    </message>
    <message>
        <source>You are signed out, but the saved sign-in could not be removed from the keyring (%1). It no longer works; you can delete it with your keyring tool.</source>
        <translation>Sie sind abgemeldet, aber die gespeicherte Anmeldung konnte nicht aus dem Schlüsselbund entfernt werden (%1). Sie ist nicht mehr gültig; Sie können sie mit Ihrer Schlüsselbundverwaltung löschen.</translation>
    </message>
    <message>
        <source>You signed in on another device, which ended the session here. Please sign in again.</source>
        <translation>Sie haben sich auf einem anderen Gerät angemeldet; dadurch wurde die Sitzung hier beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The server ended this session — most likely you signed in on another device. Please sign in again.</source>
        <translation>Der Server hat diese Sitzung beendet – vermutlich haben Sie sich auf einem anderen Gerät angemeldet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your session reached its 30-day limit, so it has ended. Please sign in again.</source>
        <translation>Ihre Sitzung hat die Höchstdauer von 30 Tagen erreicht und ist beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your saved sign-in could not be read, so it was removed. Please sign in again.</source>
        <translation>Ihre gespeicherte Anmeldung war nicht lesbar und wurde entfernt. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your saved sign-in was made by a newer version of SMTPD Accounts, so this version leaves it untouched. Update the app, or sign in again here.</source>
        <translation>Ihre gespeicherte Anmeldung stammt von einer neueren Version von SMTPD Accounts; diese Version lässt sie deshalb unverändert. Aktualisieren Sie die App oder melden Sie sich hier erneut an.</translation>
    </message>
    <message>
        <source>Keychain unavailable: %1</source>
        <translation>Schlüsselbund nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Your sign-in will be kept for this run only.</source>
        <translation>Ihre Anmeldung bleibt nur erhalten, bis Sie die App beenden.</translation>
    </message>
    <message>
        <source>Offline: %1 Retrying automatically.</source>
        <translation>Offline: %1 Es wird automatisch erneut versucht.</translation>
    </message>
    <message>
        <source>Your session ends within a day (the 30-day limit). Sign in again now to avoid an interruption.</source>
        <translation>Ihre Sitzung endet innerhalb eines Tages (Höchstdauer 30 Tage). Melden Sie sich jetzt erneut an, um eine Unterbrechung zu vermeiden.</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>Session ends soon</source>
        <translation>Sitzung endet bald</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountListDelegate</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountListModel</name>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>default account</source>
        <translation>Standardkonto</translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountWindow</name>
    <message>
        <source>&amp;Add account</source>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move account</source>
        <translation>Konto &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Make &amp;default</source>
        <translation>Als &amp;Standard festlegen</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>Als Standard festlegen</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt e&amp;rneuern</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt erneuern</translation>
    </message>
    <message>
        <source>&amp;Copy access token</source>
        <translation>Zugriffstoken &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy access token</source>
        <translation>Zugriffstoken kopieren</translation>
    </message>
    <message>
        <source>Copy as Authorization &amp;header</source>
        <translation>Als Authorization-Hea&amp;der kopieren</translation>
    </message>
    <message>
        <source>Copy as Authorization header</source>
        <translation>Als Authorization-Header kopieren</translation>
    </message>
    <message>
        <source>Copy c&amp;url command</source>
        <translation>c&amp;url-Befehl kopieren</translation>
    </message>
    <message>
        <source>Copy curl command</source>
        <translation>curl-Befehl kopieren</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>SMTPD Accounts</source>
        <translation>SMTPD Accounts</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben verschieben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten verschieben</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy account ID</source>
        <translation>Konto-ID kopieren</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Copy confirmation</source>
        <translation>Kopierbestätigung</translation>
    </message>
    <message>
        <source>Sign in again now</source>
        <translation>Jetzt erneut anmelden</translation>
    </message>
    <message>
        <source>Account sections</source>
        <translation>Kontobereiche</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Plan &amp;&amp; usage</source>
        <translation>Tarif und Nutzung</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>Remove %1 (%2)?</source>
        <translation>%1 (%2) entfernen?</translation>
    </message>
    <message>
        <source>This signs the account out on the server and forgets it on this computer. Its API access from other computers is not affected.</source>
        <translation>Das Konto wird auf dem Server abgemeldet und auf diesem Computer vergessen. Der API-Zugriff von anderen Computern aus bleibt davon unberührt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ Bestätigt</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht bestätigt</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Profile details could not be loaded yet; trying again.</source>
        <translation>Die Profildaten konnten noch nicht geladen werden – neuer Versuch läuft.</translation>
    </message>
    <message>
        <source>Member since %1 · last updated %2</source>
        <translation>Mitglied seit %1 · zuletzt geändert: %2</translation>
    </message>
    <message>
        <source>No access token</source>
        <translation>Kein Zugriffstoken</translation>
    </message>
    <message>
        <source>Access token valid for %1</source>
        <translation>Zugriffstoken noch %1 gültig</translation>
    </message>
    <message>
        <source>Access token expired; a new one is fetched when needed</source>
        <translation>Zugriffstoken abgelaufen; bei Bedarf wird ein neues abgerufen</translation>
    </message>
    <message>
        <source>Session ends in %1</source>
        <translation>Sitzung läuft noch %1</translation>
    </message>
    <message>
        <source>Tokens are kept in %1.</source>
        <translation>Speicherort der Tokens: %1.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 s.</source>
        <translation>Kopiert. Die Zwischenablage wird in %1 s geleert.</translation>
    </message>
    <message>
        <source>Copied. It stays on the clipboard until you sign out or quit.</source>
        <translation>Kopiert. Der Inhalt bleibt in der Zwischenablage, bis Sie sich abmelden oder die App beenden.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>Smtpd::ApiKeysPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh keys</source>
        <translation>Schlüsselliste aktualisieren</translation>
    </message>
    <message>
        <source>Create &amp;key…</source>
        <translation>Schlüssel e&amp;rstellen…</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>Si&amp;tzungen</translation>
    </message>
    <message>
        <source>Show sessions</source>
        <translation>Sitzungen anzeigen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>API key list</source>
        <translation>Liste der API-Schlüssel</translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation>Schlüssel filtern</translation>
    </message>
    <message>
        <source>Filter by name or key</source>
        <translation>Nach Name oder Schlüssel filtern</translation>
    </message>
    <message>
        <source>This account has no API keys yet. Programs and scripts sign in with a key and its secret: choose Create key, give it a name and a role, and copy the secret when it is shown — only that once.</source>
        <translation>Für dieses Konto gibt es noch keine API-Schlüssel. Programme und Skripte melden sich mit einem Schlüssel und seinem Secret an: Wählen Sie „Schlüssel erstellen“, geben Sie einen Namen und eine Rolle an und kopieren Sie das Secret, sobald es angezeigt wird – es erscheint nur dieses eine Mal.</translation>
    </message>
    <message>
        <source>Key sessions</source>
        <translation>Schlüsselsitzungen</translation>
    </message>
    <message>
        <source>Sessions of the key</source>
        <translation>Sitzungen des Schlüssels</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close sessions</source>
        <translation>Sitzungsansicht schließen</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Key %1 (Copy key copies it whole)</source>
        <translation>Schlüssel %1 („Schlüssel kopieren“ kopiert ihn vollständig)</translation>
    </message>
    <message>
        <source>Sessions of “%1”</source>
        <translation>Sitzungen von „%1“</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Create API key</source>
        <translation>API-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Name des Schlüssels</translation>
    </message>
    <message>
        <source>e.g. Build server</source>
        <translation>z. B. Build-Server</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Give the key a name, so you know later what uses it.</source>
        <translation>Geben Sie dem Schlüssel einen Namen, damit Sie später wissen, wofür er verwendet wird.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke the API key “%1”?</source>
        <translation>API-Schlüssel „%1“ widerrufen?</translation>
    </message>
    <message>
        <source>Programs that use it can no longer sign in, and its sessions end. This cannot be undone.</source>
        <translation>Programme, die ihn verwenden, können sich nicht mehr anmelden, und seine Sitzungen werden beendet. Das lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>Smtpd::AvatarView</name>
    <message>
        <source>Profile picture</source>
        <translation>Profilbild</translation>
    </message>
    <message>
        <source>Gravatar picture</source>
        <translation>Gravatar-Bild</translation>
    </message>
    <message>
        <source>Initials %1</source>
        <translation>Initialen %1</translation>
    </message>
</context>
<context>
    <name>Smtpd::CaFileDialog</name>
    <message>
        <source>Choose a CA certificate</source>
        <translation>CA-Zertifikat wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM-Zertifikate (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Smtpd::KeychainProblemWindow</name>
    <message>
        <source>Keychain unavailable – SMTPD Accounts</source>
        <translation>Schlüsselbund nicht verfügbar – SMTPD Accounts</translation>
    </message>
    <message>
        <source>SMTPD Accounts keeps your sign-in only in the system keychain, never in a plain file. You can try again (for example after unlocking the keyring), or stay signed in for this run only.</source>
        <translation>SMTPD Accounts speichert Ihre Anmeldung ausschließlich im Schlüsselbund des Systems, niemals in einer einfachen Datei. Sie können es erneut versuchen (zum Beispiel nachdem Sie den Schlüsselbund entsperrt haben) oder nur angemeldet bleiben, bis Sie die App beenden.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry the keychain</source>
        <translation>Erneut auf den Schlüsselbund zugreifen</translation>
    </message>
    <message>
        <source>Continue for this run only</source>
        <translation>Ohne Schlüsselbund fortfahren</translation>
    </message>
</context>
<context>
    <name>Smtpd::OneTimeSecretDialog</name>
    <message>
        <source>I have copied the secret and stored it safely</source>
        <translation>Ich habe das Secret kopiert und sicher aufbewahrt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>The API key “%1” was created.</source>
        <translation>Der API-Schlüssel „%1“ wurde erstellt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Its secret is shown only this once.&lt;/b&gt; Copy it now and keep it somewhere safe: SMTPD Accounts does not store it, and the server will not show it again.</source>
        <translation>&lt;b&gt;Das Secret wird nur dieses eine Mal angezeigt.&lt;/b&gt; Kopieren Sie es jetzt und bewahren Sie es sicher auf: SMTPD Accounts speichert es nicht, und der Server zeigt es nie wieder an.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy API key</source>
        <translation>API-Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy secret</source>
        <translation>Secret kopieren</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>S&amp;ecret:</translation>
    </message>
    <message>
        <source>I have copied the secret</source>
        <translation>Ich habe das Secret kopiert</translation>
    </message>
    <message>
        <source>Close without the secret?</source>
        <translation>Ohne das Secret schließen?</translation>
    </message>
    <message>
        <source>The secret cannot be shown again. Without it the key cannot sign in; you would have to revoke it and create another.</source>
        <translation>Das Secret lässt sich nicht noch einmal anzeigen. Ohne es kann sich der Schlüssel nicht anmelden; Sie müssten ihn widerrufen und einen neuen erstellen.</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Trotzdem schließen</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Geöffnet lassen</translation>
    </message>
</context>
<context>
    <name>Smtpd::PlanUsagePage</name>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Beschwerden</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Plan &amp; usage</source>
        <translation>Tarif und Nutzung</translation>
    </message>
    <message>
        <source>Emails used against the monthly limit</source>
        <translation>Verbrauchte E-Mails gemessen am Monatslimit</translation>
    </message>
    <message>
        <source>Emails by category, last 30 days</source>
        <translation>E-Mails nach Kategorie, letzte 30 Tage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh plan and usage</source>
        <translation>Tarif und Nutzung aktualisieren</translation>
    </message>
    <message>
        <source>%1 plan</source>
        <translation>Tarif %1</translation>
    </message>
    <message>
        <source>email validation</source>
        <translation>E-Mail-Validierung</translation>
    </message>
    <message>
        <source>basic reporting</source>
        <translation>einfache Berichte</translation>
    </message>
    <message>
        <source>advanced reporting</source>
        <translation>erweiterte Berichte</translation>
    </message>
    <message>
        <source>US$%1 a month</source>
        <translation>%1 US$ pro Monat</translation>
    </message>
    <message numerus="yes">
        <source>Up to %1 emails a month (a hard limit)</source>
        <translation>
            <numerusform>Bis zu %1 E-Mail pro Monat (feste Obergrenze)</numerusform>
            <numerusform>Bis zu %1 E-Mails pro Monat (feste Obergrenze)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 emails a month included</source>
        <translation>
            <numerusform>%1 E-Mail pro Monat inklusive</numerusform>
            <numerusform>%1 E-Mails pro Monat inklusive</numerusform>
        </translation>
    </message>
    <message>
        <source>US$%1 for each further thousand</source>
        <translation>%1 US$ für je 1.000 weitere E-Mails</translation>
    </message>
    <message>
        <source>No extra features</source>
        <translation>Keine Zusatzfunktionen</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>Funktionen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 emails in the last 30 days, of %2 a month (%3 %)</source>
        <translation>
            <numerusform>%1 E-Mail in den letzten 30 Tagen, von %2 pro Monat (%3 %)</numerusform>
            <numerusform>%1 E-Mails in den letzten 30 Tagen, von %2 pro Monat (%3 %)</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ The plan&apos;s monthly limit is reached.</source>
        <translation>⚠ Das Monatslimit des Tarifs ist erreicht.</translation>
    </message>
    <message>
        <source>⚠ Close to the plan&apos;s monthly limit.</source>
        <translation>⚠ Das Monatslimit des Tarifs ist fast erreicht.</translation>
    </message>
    <message numerus="yes">
        <source>%1 emails in the last 30 days</source>
        <translation>
            <numerusform>%1 E-Mail in den letzten 30 Tagen</numerusform>
            <numerusform>%1 E-Mails in den letzten 30 Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>By category: %1.</source>
        <translation>Nach Kategorie: %1.</translation>
    </message>
    <message>
        <source>Usage in words</source>
        <translation>Nutzung in Worten</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>E-Mails</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sending profiles</source>
        <translation>
            <numerusform>%Ln Versandprofil</numerusform>
            <numerusform>%Ln Versandprofile</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Data kept for %Ln days</source>
        <translation>
            <numerusform>Daten werden %Ln Tag aufbewahrt</numerusform>
            <numerusform>Daten werden %Ln Tage aufbewahrt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::SessionPresenter</name>
    <message>
        <source>Signing you back in…</source>
        <translation>Sie werden wieder angemeldet…</translation>
    </message>
    <message>
        <source>Refreshing the access token…</source>
        <translation>Zugriffstoken wird erneuert…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird erneuert…</translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation>Offline, neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Session ended – sign in again</source>
        <translation>Sitzung beendet – bitte erneut anmelden</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
</context>
<context>
    <name>Smtpd::SettingsDialog</name>
    <message>
        <source>Start SMTPD Accounts when you &amp;log in</source>
        <translation>SMTPD Accounts beim Anmelden &amp;automatisch starten</translation>
    </message>
    <message>
        <source>Start &amp;minimized to the system tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>C&amp;hoose CA file…</source>
        <translation>CA-Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Use system certificates</source>
        <translation>S&amp;ystemzertifikate verwenden</translation>
    </message>
    <message>
        <source>Settings – SMTPD Accounts</source>
        <translation>Einstellungen – SMTPD Accounts</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>Clear a copied token after, in seconds</source>
        <translation>Kopiertes Token entfernen nach (in Sekunden)</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds, after the number</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Clear a copied token after</source>
        <translation>Kopiertes Token &amp;entfernen nach</translation>
    </message>
    <message>
        <source>Only while the clipboard still holds the token; it is also cleared when you sign out or quit.</source>
        <translation>Nur solange die Zwischenablage noch das Token enthält. Beim Abmelden und beim Beenden wird sie ebenfalls geleert.</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Programmstart</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Beim Anmelden starten</translation>
    </message>
    <message>
        <source>Start minimized to the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Choose CA file for the selected server</source>
        <translation>CA-Datei für den ausgewählten Server wählen</translation>
    </message>
    <message>
        <source>Use only the system&apos;s certificate authorities for the selected server</source>
        <translation>Für den ausgewählten Server nur die Zertifizierungsstellen des Systems verwenden</translation>
    </message>
    <message>
        <source>A CA file is only for a self-hosted server whose certificate comes from a private certificate authority. A change applies to the server&apos;s accounts at once.</source>
        <translation>Eine CA-Datei brauchen Sie nur für einen selbst betriebenen Server, dessen Zertifikat von einer privaten Zertifizierungsstelle stammt. Eine Änderung gilt sofort für alle Konten dieses Servers.</translation>
    </message>
    <message>
        <source>Token storage</source>
        <translation>Speicherort der Tokens</translation>
    </message>
    <message>
        <source>Adds SMTPD Accounts to the programs your desktop starts when you log in; it starts in the system tray.</source>
        <translation>Nimmt SMTPD Accounts in die Programme auf, die Ihre Arbeitsumgebung beim Anmelden startet. Es startet dann im Infobereich.</translation>
    </message>
    <message>
        <source>Starting at login is not available on this system.</source>
        <translation>Der automatische Start beim Anmelden ist auf diesem System nicht verfügbar.</translation>
    </message>
    <message>
        <source>There is no system tray right now: SMTPD Accounts will open its window.</source>
        <translation>Zurzeit gibt es keinen Infobereich – SMTPD Accounts öffnet dann sein Fenster.</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message numerus="yes">
        <source>%n accounts</source>
        <translation>
            <numerusform>%n Konto</numerusform>
            <numerusform>%n Konten</numerusform>
        </translation>
    </message>
    <message>
        <source>Access and refresh tokens are kept in %1, and nowhere else: never in a file, the settings or a log. There is no other place to choose.</source>
        <translation>Speicherort der Zugriffs- und Aktualisierungstokens: %1. Sie liegen nirgendwo sonst – nie in einer Datei, in den Einstellungen oder in einem Protokoll. Einen anderen Speicherort gibt es nicht zur Auswahl.</translation>
    </message>
</context>
<context>
    <name>Smtpd::SignInWindow</name>
    <message>
        <source>Email and password</source>
        <translation>E-Mail-Adresse und Passwort</translation>
    </message>
    <message>
        <source>API key and secret</source>
        <translation>API-Schlüssel und Secret</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign in – SMTPD Accounts</source>
        <translation>Anmelden – SMTPD Accounts</translation>
    </message>
    <message>
        <source>Sign in to SMTPD</source>
        <translation>Bei SMTPD anmelden</translation>
    </message>
    <message>
        <source>Sign in with email and password</source>
        <translation>Mit E-Mail-Adresse und Passwort anmelden</translation>
    </message>
    <message>
        <source>Sign in with API key and secret</source>
        <translation>Mit API-Schlüssel und Secret anmelden</translation>
    </message>
    <message>
        <source>Other server…</source>
        <translation>Anderer Server…</translation>
    </message>
    <message>
        <source>Other server</source>
        <translation>Anderer Server</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Choose CA file</source>
        <translation>CA-Datei auswählen</translation>
    </message>
    <message>
        <source>Only for a self-hosted server whose certificate comes from a private certificate authority.</source>
        <translation>Nur für einen selbst betriebenen Server, dessen Zertifikat von einer privaten Zertifizierungsstelle stammt.</translation>
    </message>
    <message>
        <source>Ser&amp;ver</source>
        <translation>Ser&amp;ver</translation>
    </message>
    <message>
        <source>&amp;CA file</source>
        <translation>&amp;CA-Datei</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail-Adresse</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>&amp;Secret</source>
        <translation>S&amp;ecret</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>The server of an account being renewed cannot change.</source>
        <translation>Bei der erneuten Anmeldung eines Kontos lässt sich der Server nicht ändern.</translation>
    </message>
    <message>
        <source>Signing in to %1</source>
        <translation>Anmeldung bei %1</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Use a full address such as %2.</source>
        <translation>„%1“ ist keine Serveradresse. Geben Sie eine vollständige Adresse wie %2 ein.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>“%1” is not an email address. It should look like you@example.com.</source>
        <translation>„%1“ ist keine E-Mail-Adresse. Sie sollte etwa so aussehen: name@example.com.</translation>
    </message>
    <message>
        <source>Enter your API key.</source>
        <translation>Geben Sie Ihren API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Enter the API key&apos;s secret.</source>
        <translation>Geben Sie das Secret des API-Schlüssels ein.</translation>
    </message>
</context>
<context>
    <name>Smtpd::TrayIcon</name>
    <message>
        <source>&amp;Open SMTPD Accounts</source>
        <translation>SMTPD Accounts &amp;öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy access token</source>
        <translation>Zugriffstoken &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt e&amp;rneuern</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Copy access token (%1)</source>
        <translation>Zugriffstoken &amp;kopieren (%1)</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>weniger als eine Minute</translation>
    </message>
    <message>
        <source>%1 (default): %2</source>
        <translation>%1 (Standard): %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>, access token %1 left</source>
        <translation>, Zugriffstoken noch %1</translation>
    </message>
    <message>
        <source>, access token expired</source>
        <translation>, Zugriffstoken abgelaufen</translation>
    </message>
    <message>
        <source>Access token: %1 left</source>
        <translation>Zugriffstoken: noch %1</translation>
    </message>
    <message>
        <source>Access token: expired</source>
        <translation>Zugriffstoken: abgelaufen</translation>
    </message>
    <message>
        <source>Session: %1 left</source>
        <translation>Sitzung: noch %1</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
</context>
</TS>
