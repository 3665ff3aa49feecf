<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Smtpd::AccountConsole</name>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountLock</name>
    <message>
        <source>The account lock %1 cannot be created: permission denied.</source>
        <translation>Die Sperrdatei %1 des Kontos kann nicht angelegt werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>The account lock %1 cannot be created.</source>
        <translation>Die Sperrdatei %1 des Kontos kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Smtpd::AccountRecord</name>
    <message>
        <source>API key %1</source>
        <extracomment>%1 is a short, non-secret fingerprint of the key (not the key itself)</extracomment>
        <translation>API-Schlüssel %1</translation>
    </message>
</context>
<context>
    <name>Smtpd::ApiClient</name>
    <message>
        <source>No SMTPD server address is set.</source>
        <translation>Es ist keine SMTPD-Serveradresse festgelegt.</translation>
    </message>
    <message>
        <source>Enter both your email (or API key) and your password (or secret).</source>
        <translation>Geben Sie Ihre E-Mail-Adresse (oder Ihren API-Schlüssel) und Ihr Passwort (oder Ihr Secret) ein.</translation>
    </message>
    <message>
        <source>“%1” is not a valid %2 id.</source>
        <translation>„%1“ ist keine gültige %2-ID.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>An API key cannot have the role “%1”: choose iac, standard, read_only or send_only.</source>
        <translation>Ein API-Schlüssel kann die Rolle „%1“ nicht haben: Wählen Sie iac, standard, read_only oder send_only.</translation>
    </message>
</context>
<context>
    <name>Smtpd::ApiError</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Smtpd::ApiKeyRevokeReply</name>
    <message>
        <source>The server&apos;s answer to revoking the API key was not the SMTPD API&apos;s, so the key may still work.</source>
        <translation>Die Antwort des Servers auf das Widerrufen des API-Schlüssels kam nicht von der SMTPD-API; der Schlüssel ist daher möglicherweise noch gültig.</translation>
    </message>
</context>
<context>
    <name>Smtpd::ApiReply</name>
    <message numerus="yes">
        <source>%1 did not answer within %n seconds. The server may be busy or your connection slow; try again in a moment.</source>
        <translation>
            <numerusform>%1 hat nicht innerhalb von %n Sekunde geantwortet. Der Server ist vielleicht ausgelastet oder Ihre Verbindung langsam; versuchen Sie es gleich noch einmal.</numerusform>
            <numerusform>%1 hat nicht innerhalb von %n Sekunden geantwortet. Der Server ist vielleicht ausgelastet oder Ihre Verbindung langsam; versuchen Sie es gleich noch einmal.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent an answer larger than %2 KiB, which no SMTPD API answer is; it was not read to the end. The address may not be an SMTPD API server.</source>
        <translation>%1 hat eine Antwort mit mehr als %2 KiB geschickt – so groß ist keine Antwort der SMTPD-API; sie wurde nicht zu Ende gelesen. Unter der Adresse ist möglicherweise kein SMTPD-API-Server erreichbar.</translation>
    </message>
    <message>
        <source>%1 tried to send the request on to another site (%2). It was not followed, so your credentials stayed with %1.</source>
        <translation>%1 wollte die Anfrage an eine andere Website (%2) weiterleiten. Der Weiterleitung wurde nicht gefolgt; Ihre Zugangsdaten sind also bei %1 geblieben.</translation>
    </message>
    <message>
        <source>%1 redirected a token request, which the SMTPD API never does. It was not sent again; check the server address.</source>
        <translation>%1 hat eine Token-Anfrage umgeleitet, was die SMTPD-API nie tut. Sie wurde nicht erneut gesendet; prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <source>%1 did not answer as the SMTPD API: it sent a web page instead. A Wi-Fi sign-in page or a proxy may be in the way, or the server address is wrong.</source>
        <translation>%1 hat nicht wie die SMTPD-API geantwortet, sondern eine Webseite geschickt. Vielleicht steht eine WLAN-Anmeldeseite oder ein Proxy im Weg, oder die Serveradresse ist falsch.</translation>
    </message>
    <message>
        <source>Could not connect to %1: the server refused the connection. It may be down; try again later.</source>
        <translation>Keine Verbindung zu %1: Der Server hat die Verbindung abgelehnt. Vielleicht ist er nicht in Betrieb; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>Could not find the server %1. Check your internet connection and the server address.</source>
        <translation>Der Server %1 wurde nicht gefunden. Prüfen Sie Ihre Internetverbindung und die Serveradresse.</translation>
    </message>
    <message>
        <source>The connection to %1 was cut off before the whole answer arrived. Try again in a moment.</source>
        <translation>Die Verbindung zu %1 wurde unterbrochen, bevor die Antwort vollständig ankam. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Try again in a moment.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be made: %2. Nothing was sent.</source>
        <translation>Es konnte keine sichere Verbindung zu %1 hergestellt werden: %2. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>%1 redirected the request in a way that was not followed.</source>
        <translation>%1 hat die Anfrage auf eine Weise umgeleitet, der nicht gefolgt wurde.</translation>
    </message>
    <message>
        <source>%1 answered in a way that is not valid HTTP.</source>
        <translation>%1 hat mit ungültigem HTTP geantwortet.</translation>
    </message>
    <message>
        <source>The network proxy did not let the request through to %1.</source>
        <translation>Der Netzwerk-Proxy hat die Anfrage nicht zu %1 durchgelassen.</translation>
    </message>
    <message>
        <source>Could not reach %1. Check your internet connection.</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung.</translation>
    </message>
    <message>
        <source>%1 refused the request (%2).</source>
        <translation>%1 hat die Anfrage abgelehnt (%2).</translation>
    </message>
    <message>
        <source>%1 does not offer this part of the SMTPD API (%2). Check the server address.</source>
        <translation>%1 bietet diesen Teil der SMTPD-API nicht an (%2). Prüfen Sie die Serveradresse.</translation>
    </message>
    <message>
        <source>%1 is receiving too many requests (%2). Try again in a moment.</source>
        <translation>%1 erhält zu viele Anfragen (%2). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 has a problem right now (%2). Try again later.</source>
        <translation>%1 hat gerade ein Problem (%2). Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>%1 answered with an error (%2).</source>
        <translation>%1 hat mit einem Fehler geantwortet (%2).</translation>
    </message>
    <message>
        <source>%1 did not allow this: the role you are signed in with may not do it (%2).</source>
        <translation>%1 hat das nicht erlaubt: Die Rolle, mit der Sie angemeldet sind, darf das nicht (%2).</translation>
    </message>
</context>
<context>
    <name>Smtpd::Autostart</name>
    <message>
        <source>The folder %1 could not be made.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The registry could not be changed.</source>
        <translation>Die Registrierungsdatenbank konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>Starting at login is not available on this system.</source>
        <translation>Der automatische Start beim Anmelden ist auf diesem System nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker</name>
    <message>
        <source>it reached the 30-day limit</source>
        <translation>sie hat die Grenze von 30 Tagen erreicht</translation>
    </message>
    <message>
        <source>a sign-in elsewhere with the same credentials ended it</source>
        <translation>eine Anmeldung an anderer Stelle mit denselben Zugangsdaten hat sie beendet</translation>
    </message>
    <message>
        <source>the server ended it</source>
        <translation>der Server hat sie beendet</translation>
    </message>
    <message>
        <source>%1 is signing out.</source>
        <translation>%1 wird gerade abgemeldet.</translation>
    </message>
    <message>
        <source>The session of %1 has ended: %2. Sign in again.</source>
        <translation>Die Sitzung von %1 ist beendet: %2. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The keychain could not be used for %1: %2</source>
        <translation>Der Schlüsselbund konnte für %1 nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not signed in.</source>
        <translation>%1 ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>The session of %1 has ended: it was signed in elsewhere. Sign in again with: smtpd-accounts login</source>
        <translation>Die Sitzung von %1 ist beendet: Das Konto wurde an anderer Stelle angemeldet. Erneut anmelden mit: smtpd-accounts login</translation>
    </message>
    <message>
        <source>The server ended the session of %1 (most likely a sign-in elsewhere). Sign in again with: smtpd-accounts login</source>
        <translation>Der Server hat die Sitzung von %1 beendet (wahrscheinlich wegen einer Anmeldung an anderer Stelle). Erneut anmelden mit: smtpd-accounts login</translation>
    </message>
    <message>
        <source>The 30-day session of %1 has ended. Sign in again with: smtpd-accounts login</source>
        <translation>Die 30-tägige Sitzung von %1 ist abgelaufen. Erneut anmelden mit: smtpd-accounts login</translation>
    </message>
    <message>
        <source>The stored session of %1 was damaged and has been removed. Sign in again with: smtpd-accounts login</source>
        <translation>Die gespeicherte Sitzung von %1 war beschädigt und wurde entfernt. Erneut anmelden mit: smtpd-accounts login</translation>
    </message>
    <message>
        <source>The session of %1 was saved by a newer version of SMTPD Accounts; this version leaves it alone.</source>
        <translation>Die Sitzung von %1 wurde von einer neueren Version von SMTPD Accounts gespeichert; diese Version lässt sie unverändert.</translation>
    </message>
    <message>
        <source>%1 is not signed in. Sign in with: smtpd-accounts login</source>
        <translation>%1 ist nicht angemeldet. Anmelden mit: smtpd-accounts login</translation>
    </message>
    <message>
        <source>The session of %1 has ended. Sign in again with: smtpd-accounts login</source>
        <translation>Die Sitzung von %1 ist beendet. Erneut anmelden mit: smtpd-accounts login</translation>
    </message>
    <message>
        <source>The server of %1 could not be reached%2.</source>
        <translation>Der Server von %1 war nicht erreichbar%2.</translation>
    </message>
    <message>
        <source>The keychain could not be used%1.</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden%1.</translation>
    </message>
    <message>
        <source>The session of %1 is not usable right now%2.</source>
        <translation>Die Sitzung von %1 ist gerade nicht verwendbar%2.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker::BrokerServer</name>
    <message>
        <source>The request is longer than %1 bytes.</source>
        <translation>Die Anfrage ist länger als %1 Byte.</translation>
    </message>
    <message>
        <source>This is not a request this version of SMTPD Accounts understands.</source>
        <translation>Diese Anfrage versteht diese Version von SMTPD Accounts nicht.</translation>
    </message>
    <message>
        <source>The running app does not answer this request.</source>
        <translation>Die laufende App beantwortet diese Anfrage nicht.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker::BrokerService</name>
    <message>
        <source>%1 was removed; it had no session to end.</source>
        <translation>%1 wurde entfernt; es gab keine Sitzung zu beenden.</translation>
    </message>
    <message>
        <source>%1 was removed from this computer, but the server could not be told to end its session: %2</source>
        <translation>%1 wurde von diesem Computer entfernt, aber der Server konnte nicht angewiesen werden, die Sitzung zu beenden: %2</translation>
    </message>
    <message>
        <source>Signed out of %1, but its keychain item could not be removed: %2</source>
        <translation>Von %1 abgemeldet, aber der Eintrag im Schlüsselbund konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Signed out of %1 and removed it.</source>
        <translation>Von %1 abgemeldet und das Konto entfernt.</translation>
    </message>
    <message>
        <source>A raise request gets no answer.</source>
        <translation>Auf eine Anfrage zum Hervorholen des Fensters gibt es keine Antwort.</translation>
    </message>
    <message>
        <source>No account has been added yet.</source>
        <translation>Es wurde noch kein Konto hinzugefügt.</translation>
    </message>
    <message>
        <source>No account matches &quot;%1&quot;.</source>
        <translation>Kein Konto passt zu „%1“.</translation>
    </message>
    <message>
        <source>The account was removed.</source>
        <translation>Das Konto wurde entfernt.</translation>
    </message>
    <message>
        <source>The CA file must be given as an absolute path.</source>
        <translation>Die CA-Datei muss mit einem absoluten Pfad angegeben werden.</translation>
    </message>
    <message>
        <source>%1 is signing out right now. Try again in a moment.</source>
        <translation>%1 wird gerade abgemeldet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>A sign-in to %1 is already under way.</source>
        <translation>Eine Anmeldung bei %1 läuft bereits.</translation>
    </message>
    <message>
        <source>This account is still being removed. Try again in a moment.</source>
        <translation>Dieses Konto wird noch entfernt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The sign-in could not start.</source>
        <translation>Die Anmeldung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>Als %1 bei %2 angemeldet.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; names %n accounts: add its server, as in %1@host:port.</source>
        <translation>
            <numerusform>„%1“ bezeichnet %n Konto: Geben Sie den Server an, etwa %1@host:port.</numerusform>
            <numerusform>„%1“ bezeichnet %n Konten: Geben Sie den Server an, etwa %1@host:port.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::Broker::FreshToken</name>
    <message>
        <source>The server&apos;s access tokens are valid for %1 s at most, less than the %2 s asked for (--min-valid).</source>
        <translation>Die Zugriffstoken dieses Servers sind höchstens %1 s gültig, weniger als die verlangten %2 s (--min-valid).</translation>
    </message>
</context>
<context>
    <name>Smtpd::JsonObjectReader</name>
    <message>
        <source>The server&apos;s %1 could not be read: entry %2 is not one the SMTPD API sends (%3).</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Eintrag %2 entspricht nicht dem, was die SMTPD-API sendet (%3).</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: the field “id” is empty.</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Das Feld „id“ ist leer.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>list of API keys</source>
        <translation>Liste der API-Schlüssel</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: entry %2 is not an API key.</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Eintrag %2 ist kein API-Schlüssel.</translation>
    </message>
    <message>
        <source>new API key</source>
        <translation>neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: its ID, key or secret is empty.</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: ID, Schlüssel oder Secret ist leer.</translation>
    </message>
    <message>
        <source>list of API key sessions</source>
        <translation>Liste der Sitzungen eines API-Schlüssels</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: it is not a JSON list.</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Sie ist keine JSON-Liste.</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: the field “plan_id” is empty.</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Das Feld „plan_id“ ist leer.</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>list of plans</source>
        <translation>Liste der Tarife</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: entry %2 is not a plan (%3).</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Eintrag %2 ist kein Tarif (%3).</translation>
    </message>
    <message>
        <source>usage</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>usage by category</source>
        <translation>Nutzung nach Kategorie</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: it is not a JSON object.</source>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Sie ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be read: the field “%2” %3.</source>
        <extracomment>%1 is what was read (&quot;sign-in answer&quot;, &quot;list of plans&quot;), %2 a field&apos;s name, %3 what is wrong with it (&quot;is missing&quot;, &quot;should be text&quot;)</extracomment>
        <translation>Die Antwort des Servers (%1) konnte nicht gelesen werden: Das Feld „%2“ %3.</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>should be text</source>
        <translation>sollte Text sein</translation>
    </message>
    <message>
        <source>should be a whole number</source>
        <translation>sollte eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>should be zero or more</source>
        <translation>sollte null oder größer sein</translation>
    </message>
    <message>
        <source>should be text or a whole number</source>
        <translation>sollte Text oder eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>should be an object</source>
        <translation>sollte ein Objekt sein</translation>
    </message>
    <message>
        <source>should be true or false</source>
        <translation>sollte true oder false sein</translation>
    </message>
    <message>
        <source>should be a list of text</source>
        <translation>sollte eine Liste von Texten sein</translation>
    </message>
    <message>
        <source>should be a time after 1970</source>
        <translation>sollte ein Zeitpunkt nach 1970 sein</translation>
    </message>
    <message>
        <source>it is not a JSON Web Token (it has no three parts)</source>
        <translation>es ist kein JSON Web Token (es besteht nicht aus drei Teilen)</translation>
    </message>
    <message>
        <source>its JWT header is not base64url-encoded JSON</source>
        <translation>sein JWT-Header ist kein base64url-kodiertes JSON</translation>
    </message>
    <message>
        <source>its JWT payload is not base64url-encoded JSON</source>
        <translation>seine JWT-Nutzdaten sind kein base64url-kodiertes JSON</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The server&apos;s profile could not be read: the field “id” is empty.</source>
        <translation>Das Profil vom Server konnte nicht gelesen werden: Das Feld „id“ ist leer.</translation>
    </message>
    <message>
        <source>sign-in answer</source>
        <translation>Antwort auf die Anmeldung</translation>
    </message>
    <message>
        <source>The server&apos;s %1 could not be used: %2.</source>
        <translation>Die Antwort des Servers (%1) ist nicht verwendbar: %2.</translation>
    </message>
    <message>
        <source>the access token is empty</source>
        <translation>das Zugriffstoken ist leer</translation>
    </message>
    <message>
        <source>the refresh token is empty</source>
        <translation>das Aktualisierungstoken ist leer</translation>
    </message>
    <message>
        <source>the access token is unusable: %1</source>
        <translation>das Zugriffstoken ist unbrauchbar: %1</translation>
    </message>
    <message>
        <source>the access token it issued has already expired</source>
        <translation>das ausgestellte Zugriffstoken ist bereits abgelaufen</translation>
    </message>
    <message>
        <source>The server&apos;s plan could not be read: the field “%1” should be a price such as “0.00”.</source>
        <translation>Der Tarif des Servers konnte nicht gelesen werden: Das Feld „%1“ sollte ein Preis wie „0.00“ sein.</translation>
    </message>
    <message>
        <source>the token type is not “bearer”</source>
        <translation>der Token-Typ ist nicht „bearer“</translation>
    </message>
</context>
<context>
    <name>Smtpd::KeychainTokenStore</name>
    <message>
        <source>no keychain (Secret Service) is available in this session</source>
        <translation>in dieser Sitzung ist kein Schlüsselbund (Secret Service) verfügbar</translation>
    </message>
    <message>
        <source>access to the keychain was denied — it may be locked</source>
        <translation>der Zugriff auf den Schlüsselbund wurde verweigert – er ist möglicherweise gesperrt</translation>
    </message>
    <message>
        <source>no keychain (Secret Service) is running in this session</source>
        <translation>in dieser Sitzung läuft kein Schlüsselbund (Secret Service)</translation>
    </message>
    <message>
        <source>the keyring is locked or has no default collection</source>
        <translation>der Schlüsselbund ist gesperrt oder hat keine Standardsammlung</translation>
    </message>
    <message>
        <source>the keychain failed</source>
        <translation>der Schlüsselbund hat einen Fehler gemeldet</translation>
    </message>
    <message numerus="yes">
        <source>the keychain did not answer within %n seconds (it may be waiting for an unlock prompt)</source>
        <translation>
            <numerusform>der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet (vielleicht wartet er auf eine Entsperrabfrage)</numerusform>
            <numerusform>der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet (vielleicht wartet er auf eine Entsperrabfrage)</numerusform>
        </translation>
    </message>
    <message>
        <source>the saved sign-in was written by a newer version of SMTPD Accounts</source>
        <translation>die gespeicherte Anmeldung stammt von einer neueren Version von SMTPD Accounts</translation>
    </message>
    <message>
        <source>the saved sign-in could not be read and was removed</source>
        <translation>die gespeicherte Anmeldung war nicht lesbar und wurde entfernt</translation>
    </message>
</context>
<context>
    <name>Smtpd::RevokeReply</name>
    <message>
        <source>The server&apos;s answer to the sign-out was not the SMTPD API&apos;s, so the session may still be open there.</source>
        <translation>Die Antwort des Servers auf die Abmeldung kam nicht von der SMTPD-API; die Sitzung ist dort daher möglicherweise noch offen.</translation>
    </message>
</context>
<context>
    <name>Smtpd::ServerConfig</name>
    <message>
        <source>“%1” is not a server address. Use a full address such as %2.</source>
        <translation>„%1“ ist keine Serveradresse. Geben Sie eine vollständige Adresse an, etwa %2.</translation>
    </message>
    <message>
        <source>“%1” does not use HTTPS. The SMTPD API only works over HTTPS, so credentials are never sent unencrypted; use an https:// address.</source>
        <translation>„%1“ verwendet kein HTTPS. Die SMTPD-API funktioniert nur über HTTPS, damit Zugangsdaten nie unverschlüsselt gesendet werden; verwenden Sie eine https://-Adresse.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>“%1” must not contain a query or fragment.</source>
        <translation>„%1“ darf keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <source>Cannot read the certificate file %1: %2.</source>
        <translation>Die Zertifikatsdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The certificate file %1 is too large.</source>
        <translation>Die Zertifikatsdatei %1 ist zu groß.</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate.</source>
        <translation>Die Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
</context>
<context>
    <name>Smtpd::Session</name>
    <message>
        <source>You are signing out.</source>
        <translation>Sie werden gerade abgemeldet.</translation>
    </message>
    <message>
        <source>This session belongs to another server.</source>
        <translation>Diese Sitzung gehört zu einem anderen Server.</translation>
    </message>
    <message>
        <source>The session has ended. Please sign in again.</source>
        <translation>Die Sitzung ist beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Sie sind nicht angemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>This server&apos;s access tokens are valid for %n seconds, less than the %1 seconds asked for.</source>
        <translation>
            <numerusform>Die Zugriffstoken dieses Servers sind %n Sekunde gültig, weniger als die verlangten %1 Sekunden.</numerusform>
            <numerusform>Die Zugriffstoken dieses Servers sind %n Sekunden gültig, weniger als die verlangten %1 Sekunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Smtpd::TokenBroker</name>
    <message>
        <source>The server hands out access tokens that expire too soon.</source>
        <translation>Der Server stellt Zugriffstoken aus, die zu früh ablaufen.</translation>
    </message>
</context>
<context>
    <name>Smtpd::TokenStore</name>
    <message>
        <source>the macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>the Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>the system keyring (Secret Service)</source>
        <translation>Schlüsselbund des Systems (Secret Service)</translation>
    </message>
    <message>
        <source>this run only (not saved)</source>
        <translation>nur bis zum Beenden der App (nicht gespeichert)</translation>
    </message>
</context>
</TS>
