<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Smtpd::AccountUi</name>
    <message>
        <source>%1 on %2:%3</source>
        <extracomment>An account&apos;s label off the production server: &quot;Dana Demo (demo@example.com) on staging.example:8443&quot;</extracomment>
        <translation>%1 auf %2:%3</translation>
    </message>
</context>
<context>
    <name>Smtpd::AppMain</name>
    <message>
        <source>no graphical display was found (DISPLAY is not set). Run it in a desktop session, or without one under a virtual display: xvfb-run -a smtpd-accounts [options]</source>
        <translation>Es wurde keine grafische Anzeige gefunden (DISPLAY ist nicht gesetzt). Starten Sie die App in einer Desktop-Sitzung oder ohne eine solche unter einer virtuellen Anzeige: xvfb-run -a smtpd-accounts [Optionen]</translation>
    </message>
    <message>
        <source>SMTPD Accounts is already running; its window was brought to the front.</source>
        <translation>SMTPD Accounts läuft bereits; das Fenster wurde in den Vordergrund geholt.</translation>
    </message>
    <message>
        <source>a second launch will not find this one: %1</source>
        <translation>ein weiterer Start wird diese Instanz nicht finden: %1</translation>
    </message>
</context>
<context>
    <name>Smtpd::AppOptions</name>
    <message>
        <source>SMTPD Accounts keeps you signed in to the SMTPD email API and hands out fresh access tokens.</source>
        <translation>SMTPD Accounts hält Sie bei der SMTPD-E-Mail-API angemeldet und stellt frische Zugriffstoken bereit.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version anzeigen und beenden.</translation>
    </message>
    <message>
        <source>The SMTPD API server a new account signs in to (https only). Default: $SMTPD_API_URL or %1.</source>
        <translation>Der SMTPD-API-Server, bei dem sich ein neues Konto anmeldet (nur https). Standard: $SMTPD_API_URL oder %1.</translation>
    </message>
    <message>
        <source>For a new account on a self-hosted server: also trust the certificate authorities in this PEM file. Default: $SMTPD_CA_FILE.</source>
        <translation>Für ein neues Konto auf einem selbst betriebenen Server: zusätzlich den Zertifizierungsstellen in dieser PEM-Datei vertrauen. Standard: $SMTPD_CA_FILE.</translation>
    </message>
    <message>
        <source>Where avatars come from. Default: $SMTPD_AVATAR_URL or %1.</source>
        <translation>Adresse, von der die Avatare geladen werden. Standard: $SMTPD_AVATAR_URL oder %1.</translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation>Im Infobereich starten.</translation>
    </message>
    <message>
        <source>Open the window on this account: its email or name, optionally followed by @server when it is on several servers.</source>
        <translation>Das Fenster mit diesem Konto öffnen: E-Mail-Adresse oder Name, bei Konten auf mehreren Servern gefolgt von @Server.</translation>
    </message>
    <message>
        <source>Try --help.</source>
        <translation>Siehe --help.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>The avatar address must be an https:// address.</source>
        <translation>Die Avatar-Adresse muss eine https://-Adresse sein.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Application</name>
    <message>
        <source>Sign in again to start a new 30-day session. You stay signed in until it succeeds.</source>
        <translation>Melden Sie sich erneut an, um eine neue 30-tägige Sitzung zu beginnen. Bis das gelingt, bleiben Sie angemeldet.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Your session ends %1 (the 30-day limit). Sign in again now to avoid an interruption.</source>
        <translation>Ihre Sitzung endet %1 (nach 30 Tagen). Melden Sie sich jetzt erneut an, um eine Unterbrechung zu vermeiden.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A notification about one account: &quot;Dana Demo: You signed in on another device…&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not copy a fresh access token: %1</source>
        <translation>Es konnte kein frisches Zugriffstoken kopiert werden: %1</translation>
    </message>
    <message>
        <source>Could not copy the access token</source>
        <translation>Das Zugriffstoken konnte nicht kopiert werden</translation>
    </message>
    <message>
        <source>This account is signing out right now. Try again in a moment.</source>
        <translation>Dieses Konto wird gerade abgemeldet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This account is being restored from the keychain. Try again in a moment.</source>
        <translation>Dieses Konto wird gerade aus dem Schlüsselbund wiederhergestellt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This account is still being removed. Try again in a moment.</source>
        <translation>Dieses Konto wird noch entfernt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This API key cannot sign in: the key or its secret is wrong, or the key was revoked (keys unused for 90 days are revoked too). The server said: %1</source>
        <translation>Mit diesem API-Schlüssel ist keine Anmeldung möglich: Schlüssel oder Secret sind falsch, oder der Schlüssel wurde widerrufen (auch Schlüssel, die 90 Tage nicht benutzt wurden, werden widerrufen). Der Server meldete: %1</translation>
    </message>
    <message>
        <source>This account&apos;s server settings cannot be used: %1 Sign in again with Add account to choose a working CA file.</source>
        <translation>Die Servereinstellungen dieses Kontos sind nicht verwendbar: %1 Melden Sie sich über „Konto hinzufügen“ erneut an und wählen Sie eine funktionierende CA-Datei.</translation>
    </message>
    <message>
        <source>This account is signed out.</source>
        <translation>Dieses Konto ist abgemeldet.</translation>
    </message>
    <message>
        <source>Your session ends %1 (every session lasts 30 days).</source>
        <translation>Ihre Sitzung endet %1 (jede Sitzung dauert 30 Tage).</translation>
    </message>
</context>
<context>
    <name>Smtpd::Cli::CliCommand</name>
    <message>
        <source>Print an access token valid for at least 60 s (or SECONDS), refreshing it when needed.</source>
        <translation>Ein Zugriffstoken ausgeben, das noch mindestens 60 s (oder SECONDS) gültig ist; bei Bedarf wird es erneuert.</translation>
    </message>
    <message>
        <source>Each account&apos;s server, who, state, access-token and session time left, and where its tokens are stored.</source>
        <translation>Für jedes Konto: Server, Person, Zustand, Restlaufzeit von Zugriffstoken und Sitzung sowie der Speicherort der Token.</translation>
    </message>
    <message>
        <source>List the accounts; * marks the default one.</source>
        <translation>Die Konten auflisten; * kennzeichnet das Standardkonto.</translation>
    </message>
    <message>
        <source>Sign in: the email and password (or API key and secret) are asked for on the terminal without echo, or read from standard input with --password-stdin.</source>
        <translation>Anmelden: E-Mail-Adresse und Passwort (oder API-Schlüssel und Secret) werden im Terminal ohne Anzeige abgefragt oder mit --password-stdin von der Standardeingabe gelesen.</translation>
    </message>
    <message>
        <source>Sign out (the server ends the session) and forget the account here.</source>
        <translation>Abmelden (der Server beendet die Sitzung) und das Konto hier entfernen.</translation>
    </message>
    <message>
        <source>Exit codes:
  0  success
  1  failure: an unexpected answer from the server, or a local error
  2  usage: an unknown command or option, or a bad value
  3  not signed in: no account matches, or it has no session
  4  session ended: the server ended it (30 days, or a sign-in elsewhere)
  5  unreachable: the server could not be reached (network, TLS, timeout, 5xx)
  6  keychain unavailable: the system keyring is locked or missing
  7  sign-in refused: wrong email or password, or API key or secret
</source>
        <extracomment>the help&apos;s list of exit codes: keep the numbers and the lines</extracomment>
        <translation>Exit-Codes:
  0  Erfolg
  1  Fehler: unerwartete Antwort des Servers oder lokaler Fehler
  2  Aufruf: unbekannter Befehl, unbekannte Option oder ungültiger Wert
  3  nicht angemeldet: kein Konto passt, oder es hat keine Sitzung
  4  Sitzung beendet: vom Server beendet (30 Tage oder Anmeldung anderswo)
  5  nicht erreichbar: Server nicht erreichbar (Netzwerk, TLS, Zeitlimit, 5xx)
  6  Schlüsselbund nicht verfügbar: gesperrt oder nicht vorhanden
  7  Anmeldung abgelehnt: E-Mail-Adresse und Passwort oder API-Schlüssel und
     Secret passen nicht
</translation>
    </message>
    <message>
        <source>A is an account&apos;s email, its display name, or for an API key the name &quot;smtpd-accounts accounts&quot; lists for it (&quot;API key 3fa2c1&quot;), optionally followed by @server (host, host:port or https://host:port) when it is on several servers; the default account when omitted.</source>
        <translation>A ist die E-Mail-Adresse eines Kontos, sein Anzeigename oder bei einem API-Schlüssel der Name, den „smtpd-accounts accounts“ dafür anzeigt („API-Schlüssel 3fa2c1“), bei Konten auf mehreren Servern gefolgt von @Server (host, host:port oder https://host:port); ohne Angabe das Standardkonto.</translation>
    </message>
    <message>
        <source>Try: smtpd-accounts %1 --help</source>
        <translation>Hilfe: smtpd-accounts %1 --help</translation>
    </message>
    <message>
        <source>Commands (they start no window and need no display; each has --help):</source>
        <translation>Befehle (sie öffnen kein Fenster und brauchen keine Anzeige; jeder hat --help):</translation>
    </message>
    <message>
        <source>While SMTPD Accounts runs, the commands ask it; otherwise they use the keychain themselves.</source>
        <translation>Läuft SMTPD Accounts, fragen die Befehle die App; sonst greifen sie selbst auf den Schlüsselbund zu.</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Unbekannter Befehl: %1</translation>
    </message>
    <message>
        <source>Try: smtpd-accounts --help</source>
        <translation>Hilfe: smtpd-accounts --help</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>The account (see below); the default account when omitted.</source>
        <translation>Das Konto (siehe unten); ohne Angabe das Standardkonto.</translation>
    </message>
    <message>
        <source>The token must stay valid at least this long (0 to 86400; default 60). More than the server&apos;s token lifetime is an error.</source>
        <translation>So lange muss das Token mindestens gültig bleiben (0 bis 86400; Standard 60). Mehr als die Token-Lebensdauer des Servers ist ein Fehler.</translation>
    </message>
    <message>
        <source>Print JSON (an array of accounts).</source>
        <translation>JSON ausgeben (ein Array von Konten).</translation>
    </message>
    <message>
        <source>Print only the names --account takes, one a line (for completion).</source>
        <translation>Nur die Namen ausgeben, die --account annimmt, einen pro Zeile (für die Vervollständigung).</translation>
    </message>
    <message>
        <source>The SMTPD API server (https only). Default: $SMTPD_API_URL, else the running app&apos;s default, else %1.</source>
        <translation>Der SMTPD-API-Server (nur https). Standard: $SMTPD_API_URL, sonst der Standard der laufenden App, sonst %1.</translation>
    </message>
    <message>
        <source>For a self-hosted server: also trust the certificate authorities in this PEM file (remembered with the account). Default: $SMTPD_CA_FILE.</source>
        <translation>Für einen selbst betriebenen Server: zusätzlich den Zertifizierungsstellen in dieser PEM-Datei vertrauen (wird mit dem Konto gespeichert). Standard: $SMTPD_CA_FILE.</translation>
    </message>
    <message>
        <source>Sign in with an API key and its secret. With --password-stdin, standard input holds the key on its first line and the secret on its second (a key is a credential: never an argument).</source>
        <translation>Mit einem API-Schlüssel und seinem Secret anmelden. Mit --password-stdin steht der Schlüssel in der ersten Zeile der Standardeingabe und das Secret in der zweiten (ein Schlüssel ist ein Zugangsdatum: nie ein Argument).</translation>
    </message>
    <message>
        <source>The email to sign in with (asked for when omitted).</source>
        <translation>Die E-Mail-Adresse für die Anmeldung (ohne Angabe wird sie abgefragt).</translation>
    </message>
    <message>
        <source>Read the password (or, with --api-key, the key and the secret) from standard input instead of the terminal.</source>
        <translation>Das Passwort (oder mit --api-key den Schlüssel und das Secret) von der Standardeingabe statt vom Terminal lesen.</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Examples:
  smtpd-accounts login --server https://smtpd.example.com
  smtpd-accounts login --username EMAIL --password-stdin &lt; password-file
  smtpd-accounts login --api-key --password-stdin &lt; key-and-secret-file
</source>
        <extracomment>keep the command lines; only EMAIL and the file names may be translated</extracomment>
        <translation>Beispiele:
  smtpd-accounts login --server https://smtpd.example.com
  smtpd-accounts login --username EMAIL --password-stdin &lt; passwort-datei
  smtpd-accounts login --api-key --password-stdin &lt; schluessel-und-secret-datei
</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--account needs an account&apos;s name.</source>
        <translation>--account braucht den Namen eines Kontos.</translation>
    </message>
    <message>
        <source>--min-valid takes whole seconds from 0 to 86400, not “%1”.</source>
        <translation>--min-valid erwartet ganze Sekunden von 0 bis 86400, nicht „%1“.</translation>
    </message>
    <message>
        <source>An API key is a credential and never goes on the command line: it is asked for, or read from standard input with --password-stdin (the key on the first line, the secret on the second).</source>
        <translation>Ein API-Schlüssel ist ein Zugangsdatum und gehört nie in die Befehlszeile: Er wird abgefragt oder mit --password-stdin von der Standardeingabe gelesen (der Schlüssel in der ersten Zeile, das Secret in der zweiten).</translation>
    </message>
    <message>
        <source>--password-stdin needs --username EMAIL (or --api-key).</source>
        <translation>--password-stdin braucht --username EMAIL (oder --api-key).</translation>
    </message>
</context>
<context>
    <name>Smtpd::Cli::CliMain</name>
    <message>
        <source>Standard input could not be read.</source>
        <translation>Die Standardeingabe konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Standard input must hold the API key on its first line and the secret on its second.</source>
        <translation>Die Standardeingabe muss in der ersten Zeile den API-Schlüssel und in der zweiten das Secret enthalten.</translation>
    </message>
    <message>
        <source>Standard input holds no password.</source>
        <translation>Die Standardeingabe enthält kein Passwort.</translation>
    </message>
    <message>
        <source>There is no terminal to ask on. Give the password on standard input: smtpd-accounts login --username EMAIL --password-stdin</source>
        <translation>Es gibt kein Terminal für die Abfrage. Übergeben Sie das Passwort über die Standardeingabe: smtpd-accounts login --username EMAIL --password-stdin</translation>
    </message>
    <message>
        <source>API key: </source>
        <translation>API-Schlüssel: </translation>
    </message>
    <message>
        <source>API secret: </source>
        <translation>API-Secret: </translation>
    </message>
    <message>
        <source>Email: </source>
        <translation>E-Mail-Adresse: </translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Cli::CliOutput</name>
    <message>
        <source>active</source>
        <extracomment>a session&apos;s state in `status`; the English is the name `status --json` uses</extracomment>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>refreshing</source>
        <translation>wird erneuert</translation>
    </message>
    <message>
        <source>signed_out</source>
        <translation>abgemeldet</translation>
    </message>
    <message>
        <source>signing_out</source>
        <translation>wird abgemeldet</translation>
    </message>
    <message>
        <source>signing_in</source>
        <translation>wird angemeldet</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>wird wiederhergestellt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>keychain_unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h</source>
        <extracomment>hours in `status`: &quot;3 h&quot;</extracomment>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>minutes in `status`: &quot;5 min&quot;</extracomment>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>seconds in `status`: &quot;7 s&quot;</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>server:</source>
        <extracomment>labels of `status`, lined up</extracomment>
        <translation>Server:</translation>
    </message>
    <message>
        <source>state:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>access token:</source>
        <translation>Zugriffstoken:</translation>
    </message>
    <message>
        <source>session:</source>
        <translation>Sitzung:</translation>
    </message>
    <message>
        <source>stored in:</source>
        <translation>Speicherort:</translation>
    </message>
    <message>
        <source>%1, the default</source>
        <translation>%1, Standardkonto</translation>
    </message>
    <message>
        <source>valid for %1</source>
        <extracomment>%1 is a duration: &quot;55 min 12 s&quot;</extracomment>
        <translation>noch %1 gültig</translation>
    </message>
    <message>
        <source>none valid now</source>
        <translation>derzeit keines gültig</translation>
    </message>
    <message>
        <source>ends in %1</source>
        <extracomment>%1 is a duration: &quot;29 days 23 h&quot;</extracomment>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
</context>
<context>
    <name>Smtpd::Cli::CliRunner</name>
    <message>
        <source>SMTPD Accounts is running but does not answer the command line (is it an older version?). Quit it or update it, then try again.</source>
        <translation>SMTPD Accounts läuft, antwortet der Befehlszeile aber nicht (eine ältere Version?). Beenden oder aktualisieren Sie die App und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>SMTPD Accounts could not do it.</source>
        <translation>SMTPD Accounts konnte das nicht ausführen.</translation>
    </message>
    <message>
        <source>SMTPD Accounts answered without a token.</source>
        <translation>SMTPD Accounts hat ohne Token geantwortet.</translation>
    </message>
    <message>
        <source>No account is signed in here. Sign in with: smtpd-accounts login</source>
        <translation>Hier ist kein Konto angemeldet. Anmelden mit: smtpd-accounts login</translation>
    </message>
    <message>
        <source>No account matches “%1”. The accounts: smtpd-accounts accounts</source>
        <translation>Kein Konto passt zu „%1“. Die Konten: smtpd-accounts accounts</translation>
    </message>
    <message>
        <source>“%1” names accounts on several servers: add @host:port (see smtpd-accounts accounts --names).</source>
        <translation>„%1“ bezeichnet Konten auf mehreren Servern: Ergänzen Sie @host:port (siehe smtpd-accounts accounts --names).</translation>
    </message>
    <message>
        <source>No account matches “%1”.</source>
        <translation>Kein Konto passt zu „%1“.</translation>
    </message>
    <message>
        <source>“%1” names accounts on several servers: add @host:port.</source>
        <translation>„%1“ bezeichnet Konten auf mehreren Servern: Ergänzen Sie @host:port.</translation>
    </message>
    <message>
        <source>the keychain could not be read: %1</source>
        <translation>der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>SMTPD Accounts could not be asked, nor the account locked, within %1 s; try again.</source>
        <translation>SMTPD Accounts war innerhalb von %1 s weder erreichbar, noch ließ sich das Konto sperren; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Another smtpd-accounts command has been using this account for more than %1 s (lock file %2); try again.</source>
        <translation>Ein anderer smtpd-accounts-Befehl verwendet dieses Konto seit mehr als %1 s (Sperrdatei %2); versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Cli::LocalAccounts</name>
    <message>
        <source>The list of accounts is being changed by another command; try again.</source>
        <translation>Die Kontenliste wird gerade von einem anderen Befehl geändert; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The list of accounts could not be saved to %1.</source>
        <translation>Die Kontenliste konnte nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Cli::LocalLogin</name>
    <message>
        <source>The server refused the sign-in: %1</source>
        <translation>Der Server hat die Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Signed in, but the session could not be saved in the keychain%1, so it was ended again. Unlock the keyring (or start one) and try again.</source>
        <translation>Angemeldet, aber die Sitzung konnte nicht im Schlüsselbund gespeichert werden%1 und wurde daher wieder beendet. Entsperren (oder starten) Sie den Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>Als %1 bei %2 angemeldet.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Cli::LocalLogout</name>
    <message>
        <source>%1 on %2 had no session; it is forgotten here.</source>
        <translation>%1 auf %2 hatte keine Sitzung und wurde hier entfernt.</translation>
    </message>
    <message>
        <source>%1 is forgotten here, but the server could not be told to end the session (%2).</source>
        <translation>%1 wurde hier entfernt, aber der Server konnte nicht angewiesen werden, die Sitzung zu beenden (%2).</translation>
    </message>
    <message>
        <source>Signed out of %1, but its keychain item could not be removed (%2).</source>
        <translation>Von %1 abgemeldet, aber der Eintrag im Schlüsselbund konnte nicht entfernt werden (%2).</translation>
    </message>
    <message>
        <source>Signed out of %1 on %2; it is forgotten here.</source>
        <translation>Von %1 auf %2 abgemeldet; das Konto wurde hier entfernt.</translation>
    </message>
</context>
<context>
    <name>Smtpd::ConsoleController</name>
    <message>
        <source>The key could not be created: %1</source>
        <translation>Der Schlüssel konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The key could not be revoked: %1</source>
        <translation>Der Schlüssel konnte nicht widerrufen werden: %1</translation>
    </message>
    <message>
        <source>The key&apos;s sessions could not be loaded: %1</source>
        <translation>Die Sitzungen des Schlüssels konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Sign in to this account to see its API keys.</source>
        <translation>Melden Sie sich bei diesem Konto an, um seine API-Schlüssel zu sehen.</translation>
    </message>
    <message>
        <source>Your role on this account may not see or manage its API keys (the server said: %1). Ask the account&apos;s owner or an admin.</source>
        <translation>Ihre Rolle in diesem Konto darf dessen API-Schlüssel weder sehen noch verwalten (der Server meldete: %1). Wenden Sie sich an den Inhaber des Kontos oder an einen Admin.</translation>
    </message>
    <message>
        <source>Sign in to this account to see its plan.</source>
        <translation>Melden Sie sich bei diesem Konto an, um seinen Tarif zu sehen.</translation>
    </message>
    <message>
        <source>Your role on this account may not see its plan and usage. Ask the account&apos;s owner or an admin.</source>
        <translation>Ihre Rolle in diesem Konto darf Tarif und Nutzung nicht sehen. Wenden Sie sich an den Inhaber des Kontos oder an einen Admin.</translation>
    </message>
</context>
</TS>
