<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AppLockController</name>
    <message>
        <source>&amp;Lock now</source>
        <extracomment>How many input events arrived while watching (a postponed lock compares it). Replaces the idle time of the setting (tests use a short one). A lock is waiting for work to finish: &quot;idle&quot; or &quot;manual&quot; (None: none waits).</extracomment>
        <translation>&amp;Jetzt sperren</translation>
    </message>
    <message>
        <source>Close your data now; opening it again needs the passphrase</source>
        <translation>Ihre Daten jetzt schließen; zum erneuten Öffnen ist die Passphrase nötig</translation>
    </message>
    <message>
        <source>Confidant will lock as soon as the work under way is done.</source>
        <translation>Confidant wird gesperrt, sobald die laufende Arbeit erledigt ist.</translation>
    </message>
    <message>
        <source>Something went wrong inside Confidant; your data was not opened.</source>
        <translation>In Confidant ist etwas schiefgegangen; Ihre Daten wurden nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>AppLockDialog</name>
    <message>
        <source>Turn on the app lock</source>
        <translation>App-Sperre einschalten</translation>
    </message>
    <message>
        <source>Turn off the app lock</source>
        <translation>App-Sperre ausschalten</translation>
    </message>
    <message>
        <source>Lock Confidant with a passphrase</source>
        <translation>Confidant mit einer Passphrase sperren</translation>
    </message>
    <message>
        <source>Turn off the app lock?</source>
        <translation>App-Sperre ausschalten?</translation>
    </message>
    <message>
        <source>Opening Confidant will need this passphrase, and Confidant will lock itself when it has not been used for a while. Your key stays in the system keyring, wrapped under the passphrase. If you forget it, nobody can recover your data.</source>
        <translation>Zum Öffnen von Confidant ist dann diese Passphrase nötig, und Confidant sperrt sich selbst, wenn es eine Weile nicht benutzt wurde. Ihr Schlüssel bleibt im Schlüsselbund des Systems, verschlüsselt mit der Passphrase. Wenn Sie sie vergessen, kann niemand Ihre Daten wiederherstellen.</translation>
    </message>
    <message>
        <source>Without the app lock, anyone who can use your computer account can open Confidant. Enter your passphrase to turn it off.</source>
        <translation>Ohne App-Sperre kann jeder, der Ihr Benutzerkonto auf diesem Computer verwenden kann, Confidant öffnen. Geben Sie Ihre Passphrase ein, um sie auszuschalten.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s)</source>
        <translation>
            <numerusform>Mindestens %n Zeichen</numerusform>
            <numerusform>Mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Turn the app lock on</source>
        <translation>App-Sperre einschalten</translation>
    </message>
    <message>
        <source>Turn the app lock off</source>
        <translation>App-Sperre ausschalten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Ausschalten</translation>
    </message>
</context>
<context>
    <name>AppLockSettings</name>
    <message>
        <source>Never lock by itself</source>
        <extracomment>How often a postponed lock looks again whether the work it waits for is done. What counts as the user being there. The idle times offered in Preferences, in minutes (0: never).</extracomment>
        <translation>Nie von selbst sperren</translation>
    </message>
    <message>
        <source>After {minutes} without use</source>
        <translation>Nach {minutes} ohne Nutzung</translation>
    </message>
    <message>
        <source>Your profile is in passphrase mode: opening it always needs the passphrase.</source>
        <translation>Ihr Profil ist im Passphrase-Modus: Zum Öffnen ist immer die Passphrase nötig.</translation>
    </message>
    <message>
        <source>The app lock is on: opening Confidant needs your passphrase.</source>
        <translation>Die App-Sperre ist eingeschaltet: Zum Öffnen von Confidant ist Ihre Passphrase nötig.</translation>
    </message>
    <message>
        <source>The app lock is off: anyone using your computer account can open Confidant.</source>
        <translation>Die App-Sperre ist ausgeschaltet: Jeder, der Ihr Benutzerkonto verwendet, kann Confidant öffnen.</translation>
    </message>
    <message>
        <source>Turn off the app lock…</source>
        <translation>App-Sperre ausschalten…</translation>
    </message>
    <message>
        <source>Turn on the app lock…</source>
        <translation>App-Sperre einschalten…</translation>
    </message>
    <message>
        <source>Nothing was changed: child mode needs the guardian&apos;s PIN.</source>
        <translation>Es wurde nichts geändert: Im Kindermodus ist die Eltern-PIN nötig.</translation>
    </message>
    <message>
        <source>The app lock is on.</source>
        <translation>Die App-Sperre ist eingeschaltet.</translation>
    </message>
    <message>
        <source>The app lock is off.</source>
        <translation>Die App-Sperre ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>Something went wrong inside Confidant; nothing was changed.</source>
        <translation>In Confidant ist etwas schiefgegangen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>App lock: {idle}.</source>
        <translation>App-Sperre: {idle}.</translation>
    </message>
</context>
<context>
    <name>AvatarPreview</name>
    <message>
        <source>Avatar: {name}</source>
        <translation>Avatar: {name}</translation>
    </message>
    <message>
        <source>Avatar: your image</source>
        <translation>Avatar: Ihr eigenes Bild</translation>
    </message>
</context>
<context>
    <name>BackgroundJobs</name>
    <message>
        <source>Deleting expired data…</source>
        <extracomment>One stage of a job: ``fn(service, previous stage&apos;s result, progress, cancel)``; on the DB lane, or (``io``) on the I/O pool, where it must not touch the database.</extracomment>
        <translation>Abgelaufene Daten werden gelöscht…</translation>
    </message>
    <message>
        <source>Deleting what is past the date you chose to keep it. This is not stopped part way: nothing may be kept longer than you chose.</source>
        <translation>Was über die von Ihnen gewählte Aufbewahrungsdauer hinaus ist, wird gelöscht. Das wird nicht mittendrin abgebrochen: Nichts darf länger aufbewahrt werden, als Sie gewählt haben.</translation>
    </message>
    <message>
        <source>Sending approved items…</source>
        <translation>Freigegebene Einträge werden gesendet…</translation>
    </message>
    <message>
        <source>Sending what you approved to the collector. Cancel stops it between requests; what was not sent waits in the outbox.</source>
        <translation>Was Sie freigegeben haben, wird an den Sammelserver gesendet. „Abbrechen“ hält zwischen zwei Anfragen an; was nicht gesendet wurde, wartet im Postausgang.</translation>
    </message>
    <message>
        <source>Checking for security notices…</source>
        <translation>Sicherheitshinweise werden abgerufen…</translation>
    </message>
    <message>
        <source>One request to the collector for signed security notices.</source>
        <translation>Eine Anfrage an den Sammelserver nach signierten Sicherheitshinweisen.</translation>
    </message>
</context>
<context>
    <name>ChatClientController</name>
    <message>
        <source>System prompt: {text}</source>
        <extracomment>The provider whose models the picker lists: (name, base URL). The last conversation the sidebar was asked to open (selected once listed).</extracomment>
        <translation>Systemprompt: {text}</translation>
    </message>
    <message>
        <source>No system prompt for this conversation</source>
        <translation>Kein Systemprompt für dieses Gespräch</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>What the assistant is told before this conversation. With private prompts, personal details in it are replaced too. The default for new conversations is in Preferences.</source>
        <translation>Was dem Assistenten vor diesem Gespräch gesagt wird. Mit privaten Prompts werden persönliche Angaben darin ebenfalls ersetzt. Die Vorgabe für neue Gespräche finden Sie in den Einstellungen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Edit and send again</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>The reply to this message, and everything after it, will be replaced.</source>
        <translation>Die Antwort auf diese Nachricht und alles danach werden ersetzt.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <source>Conversation title</source>
        <translation>Titel des Gesprächs</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Systemprompt…</translation>
    </message>
    <message>
        <source>What the assistant is told before this conversation</source>
        <translation>Was dem Assistenten vor diesem Gespräch gesagt wird</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Ask again for the last reply; the new one replaces it</source>
        <translation>Die letzte Antwort neu anfordern; die neue ersetzt sie</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neues Gespräch</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <extracomment>What the prompt box says instead of how to type (None: how to type). The helplines note, once child mode has needed it.</extracomment>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Your conversation appears here.</source>
        <translation>Hier erscheint Ihre Unterhaltung.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <source>Stop the reply; what has arrived is kept</source>
        <translation>Antwort anhalten; was schon angekommen ist, bleibt erhalten</translation>
    </message>
    <message>
        <source>Why this conversation is or is not kept</source>
        <translation>Warum diese Unterhaltung aufbewahrt wird oder nicht</translation>
    </message>
    <message>
        <source>Type a message. Enter sends, Shift+Enter adds a line.</source>
        <translation>Schreiben Sie eine Nachricht. Die Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile.</translation>
    </message>
</context>
<context>
    <name>ChildBadge</name>
    <message>
        <source>Child mode</source>
        <translation>Kindermodus</translation>
    </message>
    <message>
        <source>A grown-up turned this on: your chats are not saved or shared.</source>
        <extracomment>One line a child can read. It promises only what the policy enforces in the core: no conversation is stored, and nothing is shared for training or research.</extracomment>
        <translation>Ein Erwachsener hat das eingeschaltet: deine Chats werden weder gespeichert noch geteilt.</translation>
    </message>
    <message>
        <source>{title} is on</source>
        <translation>{title} ist eingeschaltet</translation>
    </message>
</context>
<context>
    <name>ChildModeIndicator</name>
    <message>
        <source>Child mode</source>
        <extracomment>Dynamic properties a badge keeps about how it was placed.</extracomment>
        <translation>Kindermodus</translation>
    </message>
</context>
<context>
    <name>ConversationSidebar</name>
    <message>
        <source>New chat</source>
        <extracomment>How long the filter waits after the last key before it asks (ms). The filter&apos;s text, once the user paused typing (&apos;&apos; lists everything). The rename or delete question on show (non-modal to the app, modal to the window).</extracomment>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Ein neues Gespräch beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Filter conversations (Ctrl+K)</source>
        <translation>Gespräche filtern (Strg+K)</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Gespräche filtern</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Temporary, not kept</source>
        <translation>Temporär, nicht gespeichert</translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>Sensibel</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Gespräch umbenennen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Gespräch löschen</translation>
    </message>
    <message>
        <source>Delete “{title}” for good?</source>
        <translation>„{title}“ endgültig löschen?</translation>
    </message>
    <message>
        <source>Its messages, its search entries and its placeholders are erased.</source>
        <translation>Seine Nachrichten, Sucheinträge und Platzhalter werden gelöscht.</translation>
    </message>
    <message>
        <source>It was not kept; it goes from this list now.</source>
        <translation>Es wurde nicht gespeichert; es verschwindet jetzt aus dieser Liste.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>CoreLabel</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Einwilligungsnachweise</translation>
    </message>
    <message>
        <source>Privacy log</source>
        <translation>Datenschutzprotokoll</translation>
    </message>
    <message>
        <source>Pseudonym vault</source>
        <translation>Pseudonym-Tresor</translation>
    </message>
    <message>
        <source>Upload outbox</source>
        <translation>Upload-Postausgang</translation>
    </message>
    <message>
        <source>Network log</source>
        <translation>Netzwerkprotokoll</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Einwilligung erteilt</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Conversation saved</source>
        <translation>Unterhaltung gespeichert</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>Unterhaltung gelöscht</translation>
    </message>
    <message>
        <source>Conversation turns replaced (edit or regenerate)</source>
        <translation>Gesprächsrunden ersetzt (bearbeitet oder neu erzeugt)</translation>
    </message>
    <message>
        <source>Stored conversations deleted</source>
        <translation>Gespeicherte Unterhaltungen gelöscht</translation>
    </message>
    <message>
        <source>Retention schedule changed</source>
        <translation>Aufbewahrungsfristen geändert</translation>
    </message>
    <message>
        <source>Expired data deleted</source>
        <translation>Abgelaufene Daten gelöscht</translation>
    </message>
    <message>
        <source>Preferences changed</source>
        <translation>Einstellungen geändert</translation>
    </message>
    <message>
        <source>Encryption key replaced</source>
        <translation>Verschlüsselungsschlüssel ersetzt</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Daten exportiert</translation>
    </message>
    <message>
        <source>Data imported</source>
        <translation>Daten importiert</translation>
    </message>
    <message>
        <source>Imported plaintext originals deleted</source>
        <translation>Importierte Klartext-Originale gelöscht</translation>
    </message>
    <message>
        <source>Child mode changed</source>
        <translation>Kindermodus geändert</translation>
    </message>
    <message>
        <source>App lock changed</source>
        <translation>App-Sperre geändert</translation>
    </message>
    <message>
        <source>Item queued for upload</source>
        <translation>Eintrag zum Hochladen vorgemerkt</translation>
    </message>
    <message>
        <source>Upload refused by the gate</source>
        <translation>Hochladen von der Prüfstelle abgelehnt</translation>
    </message>
    <message>
        <source>Data uploaded</source>
        <translation>Daten hochgeladen</translation>
    </message>
    <message>
        <source>Upload item dropped</source>
        <translation>Upload-Eintrag verworfen</translation>
    </message>
    <message>
        <source>Upload item discarded by you</source>
        <translation>Upload-Eintrag von Ihnen verworfen</translation>
    </message>
    <message>
        <source>Upload settings changed</source>
        <translation>Upload-Einstellungen geändert</translation>
    </message>
    <message>
        <source>Deletion requested upstream</source>
        <translation>Löschung beim Sammelserver beantragt</translation>
    </message>
    <message>
        <source>Deletion confirmed upstream</source>
        <translation>Löschung vom Sammelserver bestätigt</translation>
    </message>
    <message>
        <source>Deletion request refused upstream</source>
        <translation>Löschantrag vom Sammelserver abgelehnt</translation>
    </message>
    <message>
        <source>Security notices received</source>
        <translation>Sicherheitshinweise empfangen</translation>
    </message>
    <message>
        <source>Security notices rejected (bad signature)</source>
        <translation>Sicherheitshinweise abgewiesen (ungültige Signatur)</translation>
    </message>
    <message>
        <source>Assistant settings changed</source>
        <translation>Assistent-Einstellungen geändert</translation>
    </message>
    <message>
        <source>Private prompts turned on or off</source>
        <translation>Private Prompts ein- oder ausgeschaltet</translation>
    </message>
    <message>
        <source>Owl</source>
        <translation>Eule</translation>
    </message>
    <message>
        <source>Fox</source>
        <translation>Fuchs</translation>
    </message>
    <message>
        <source>Cat</source>
        <translation>Katze</translation>
    </message>
    <message>
        <source>Whale</source>
        <translation>Wal</translation>
    </message>
    <message>
        <source>Robot</source>
        <translation>Roboter</translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation>Blatt</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Ruhig</translation>
    </message>
    <message>
        <source>Bright</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <source>Slow and clear</source>
        <translation>Langsam und deutlich</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>What the assistant calls you (a nickname)</source>
        <translation>Wie der Assistent Sie nennt (ein Spitzname)</translation>
    </message>
    <message>
        <source>Your picture: a built-in one, or your own image</source>
        <translation>Ihr Bild: ein mitgeliefertes oder Ihr eigenes</translation>
    </message>
    <message>
        <source>The voice used to read replies aloud</source>
        <translation>Die Stimme, mit der Antworten vorgelesen werden</translation>
    </message>
    <message>
        <source>Light, dark, or the system&apos;s theme</source>
        <translation>Hell, dunkel oder wie im System</translation>
    </message>
    <message>
        <source>The language of the interface</source>
        <translation>Die Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>How often the privacy checkup asks</source>
        <translation>Wie oft der Datenschutz-Check nachfragt</translation>
    </message>
    <message>
        <source>When the privacy checkup was last done</source>
        <translation>Wann der Datenschutz-Check zuletzt gemacht wurde</translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Offline-Demo</translation>
    </message>
    <message>
        <source>Offline demo (local, no network)</source>
        <translation>Offline-Demo (lokal, kein Netzwerk)</translation>
    </message>
    <message>
        <source>OpenAI-compatible (OpenAI, Ollama, llama.cpp, LM Studio, vLLM)</source>
        <translation>OpenAI-kompatibel (OpenAI, Ollama, llama.cpp, LM Studio, vLLM)</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n Unterhaltung</numerusform>
            <numerusform>%n Unterhaltungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Byte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Confidant: internal error</source>
        <translation>Confidant: interner Fehler</translation>
    </message>
    <message>
        <source>Confidant ran into an internal error.</source>
        <translation>In Confidant ist ein interner Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>This is a bug in Confidant, not something you did. The report below says which error it was and where in Confidant&apos;s code it happened. Your messages, names, files and settings are left out of it.</source>
        <translation>Das ist ein Fehler in Confidant, nicht in dem, was Sie getan haben. Der Bericht unten nennt den Fehler und die Stelle im Code von Confidant, an der er auftrat. Ihre Nachrichten, Namen, Dateien und Einstellungen sind darin nicht enthalten.</translation>
    </message>
    <message>
        <source>Nothing has been sent, and nothing will be: Confidant has no way to send this report. If you want to tell us about the bug, copy the report and paste it into your message.</source>
        <translation>Es wurde nichts gesendet, und es wird nichts gesendet: Confidant kann diesen Bericht gar nicht versenden. Wenn Sie uns den Fehler mitteilen möchten, kopieren Sie den Bericht und fügen Sie ihn in Ihre Nachricht ein.</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>Absturzbericht</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>Bericht &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the report to the clipboard</source>
        <translation>Den Bericht in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation>Der Bericht ist in der Zwischenablage.</translation>
    </message>
</context>
<context>
    <name>DataController</name>
    <message>
        <source>Your profile was erased. Start Confidant again for a fresh one.</source>
        <extracomment>The reason the main window gives once the profile is gone (translated when shown).</extracomment>
        <translation>Ihr Profil wurde gelöscht. Starten Sie Confidant neu, um mit einem neuen zu beginnen.</translation>
    </message>
    <message>
        <source>a Confidant export</source>
        <extracomment>Names of what the texts below speak of, by key (each translated where it is shown).</extracomment>
        <translation>einem Confidant-Export</translation>
    </message>
    <message>
        <source>a ChatGPT export</source>
        <translation>einem ChatGPT-Export</translation>
    </message>
    <message>
        <source>a Claude export</source>
        <translation>einem Claude-Export</translation>
    </message>
    <message>
        <source>Jan&apos;s chats</source>
        <translation>Jans Chats</translation>
    </message>
    <message>
        <source>LM Studio&apos;s chats</source>
        <translation>LM-Studio-Chats</translation>
    </message>
    <message>
        <source>an Open WebUI export</source>
        <translation>einem Open-WebUI-Export</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Einwilligungsnachweise</translation>
    </message>
    <message>
        <source>Privacy log events</source>
        <translation>Einträge im Datenschutzprotokoll</translation>
    </message>
    <message>
        <source>Outbox items</source>
        <translation>Einträge im Postausgang</translation>
    </message>
    <message>
        <source>Anonymization notes</source>
        <translation>Anonymisierungsnotizen</translation>
    </message>
    <message>
        <source>Network log entries</source>
        <translation>Einträge im Netzwerkprotokoll</translation>
    </message>
    <message>
        <source>Security notices</source>
        <translation>Sicherheitshinweise</translation>
    </message>
    <message>
        <source>sharing for training</source>
        <translation>Teilen fürs Training</translation>
    </message>
    <message>
        <source>research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <source>{label}: {conversations} ({messages}).</source>
        <translation>{label}: {conversations} ({messages}).</translation>
    </message>
    <message>
        <source>From {first} to {last}.</source>
        <translation>Vom {first} bis zum {last}.</translation>
    </message>
    <message>
        <source>Older than your retention period ({days} days): {count}.</source>
        <translation>Älter als Ihre Aufbewahrungsdauer ({days} Tage): {count}.</translation>
    </message>
    <message>
        <source>On sensitive topics: {count}.</source>
        <translation>Zu sensiblen Themen: {count}.</translation>
    </message>
    <message>
        <source>Imported before (skipped, no duplicates): {count}.</source>
        <translation>Schon früher importiert (übersprungen, keine Duplikate): {count}.</translation>
    </message>
    <message>
        <source>Parts that could not be imported leave a marker: {count}.</source>
        <translation>Teile, die nicht importiert werden konnten, hinterlassen einen Hinweis: {count}.</translation>
    </message>
    <message>
        <source>Cannot be read, skipped: {position} ({reason})</source>
        <translation>Nicht lesbar, übersprungen: {position} ({reason})</translation>
    </message>
    <message>
        <source>Deleted {count} file(s). Receipt {receipt}, {at}.</source>
        <translation>{count} Datei(en) gelöscht. Beleg {receipt}, {at}.</translation>
    </message>
    <message>
        <source>Kept {path}: {why}</source>
        <translation>Behalten: {path}: {why}</translation>
    </message>
    <message>
        <source>Stored now: {conversations} ({messages}), and everything listed above.</source>
        <translation>Derzeit gespeichert: {conversations} ({messages}) und alles oben Aufgeführte.</translation>
    </message>
    <message>
        <source>encrypted with your passphrase</source>
        <translation>mit Ihrer Passphrase verschlüsselt</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <source>Written to {path}
{size}, {conversations}, {messages}, {protection}.</source>
        <translation>Gespeichert in {path}
{size}, {conversations}, {messages}, {protection}.</translation>
    </message>
    <message>
        <source>Imported {conversations} ({messages}) from {source}.</source>
        <translation>{conversations} ({messages}) aus {source} importiert.</translation>
    </message>
    <message>
        <source>Left out as sensitive: {count}.</source>
        <translation>Als sensibel ausgelassen: {count}.</translation>
    </message>
    <message>
        <source>Left out as expired (older than you keep conversations): {count}.</source>
        <translation>Als abgelaufen ausgelassen (älter, als Sie Unterhaltungen aufbewahren): {count}.</translation>
    </message>
    <message>
        <source>Preferences restored: {count}.</source>
        <translation>Wiederhergestellte Einstellungen: {count}.</translation>
    </message>
    <message>
        <source>Already imported before, skipped: {count}.</source>
        <translation>Schon früher importiert, übersprungen: {count}.</translation>
    </message>
    <message>
        <source>Could not be read, skipped: {count}.</source>
        <translation>Nicht lesbar, übersprungen: {count}.</translation>
    </message>
    <message>
        <source>Files in the profile folder</source>
        <translation>Dateien im Profilordner</translation>
    </message>
    <message>
        <source>Keys in the system keyring</source>
        <translation>Schlüssel im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Upstream: nothing had been shared, so there was nothing to delete there.</source>
        <translation>Sammelserver: Es war nichts geteilt worden, also gab es dort nichts zu löschen.</translation>
    </message>
    <message>
        <source>deletion confirmed by the collector (receipt {receipt})</source>
        <translation>Löschung vom Sammelserver bestätigt (Quittung {receipt})</translation>
    </message>
    <message>
        <source>the collector refused the deletion request</source>
        <translation>der Sammelserver hat den Löschantrag abgelehnt</translation>
    </message>
    <message>
        <source>deletion requested; not confirmed yet, it will be sent again</source>
        <translation>Löschung beantragt; noch nicht bestätigt, der Antrag wird erneut gesendet</translation>
    </message>
    <message>
        <source>Upstream, {scope}: {answer}.</source>
        <translation>Sammelserver, {scope}: {answer}.</translation>
    </message>
    <message>
        <source>Confidant erasure receipt, {when}</source>
        <translation>Confidant-Löschquittung, {when}</translation>
    </message>
    <message>
        <source>Request {id}: {state}</source>
        <translation>Antrag {id}: {state}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <extracomment>The Data dialog on screen, if any, and which one it is.</extracomment>
        <translation>Abgebrochen. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The export failed. Nothing was written.</source>
        <translation>Der Export ist fehlgeschlagen. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The import failed. Nothing was changed.</source>
        <translation>Der Import ist fehlgeschlagen. Es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n conversation(s), for good.</source>
        <translation>
            <numerusform>%n Unterhaltung endgültig gelöscht.</numerusform>
            <numerusform>%n Unterhaltungen endgültig gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation>Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Changing the key did not finish. Nothing was lost: the next start opens the store with whichever key works.</source>
        <translation>Der Schlüsselwechsel wurde nicht abgeschlossen. Es ist nichts verloren gegangen: Beim nächsten Start wird der Speicher mit dem Schlüssel geöffnet, der funktioniert.</translation>
    </message>
    <message>
        <source>Forget me did not complete (an internal error).</source>
        <translation>„Mich vergessen“ wurde nicht abgeschlossen (ein interner Fehler).</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Daten</translation>
    </message>
    <message>
        <source>&amp;Export your data…</source>
        <translation>Daten &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save everything Confidant keeps to one file</source>
        <translation>Alles, was Confidant aufbewahrt, in einer Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Import conversations…</source>
        <translation>Unterhaltungen &amp;importieren…</translation>
    </message>
    <message>
        <source>Bring in conversations from a Confidant, ChatGPT or Claude export</source>
        <translation>Unterhaltungen aus einem Confidant-, ChatGPT- oder Claude-Export übernehmen</translation>
    </message>
    <message>
        <source>&amp;Delete conversations…</source>
        <translation>Unterhaltungen &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete one conversation, those from a date range, or all of them</source>
        <translation>Eine Unterhaltung, die aus einem Zeitraum oder alle löschen</translation>
    </message>
    <message>
        <source>&amp;Forget me…</source>
        <translation>Mich &amp;vergessen…</translation>
    </message>
    <message>
        <source>Erase your whole profile, here and upstream</source>
        <translation>Ihr gesamtes Profil löschen, hier und beim Sammelserver</translation>
    </message>
    <message>
        <source>Change encryption &amp;key…</source>
        <translation>Verschlüsselungs&amp;schlüssel wechseln…</translation>
    </message>
    <message>
        <source>Re-encrypt your profile under a new random key</source>
        <translation>Ihr Profil mit einem neuen Zufallsschlüssel neu verschlüsseln</translation>
    </message>
</context>
<context>
    <name>DefaultSystemPromptController</name>
    <message>
        <source>Saved. New conversations start with it.</source>
        <translation>Gespeichert. Neue Gespräche beginnen damit.</translation>
    </message>
    <message>
        <source>Saved. New conversations start without a system prompt.</source>
        <translation>Gespeichert. Neue Gespräche beginnen ohne Systemprompt.</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Untitled conversation</source>
        <extracomment>The date range offered first: the last 30 days.</extracomment>
        <translation>Unbenannte Unterhaltung</translation>
    </message>
    <message>
        <source>{title} — {when}, {messages}</source>
        <translation>{title} — {when}, {messages}</translation>
    </message>
    <message>
        <source>Delete conversations</source>
        <translation>Unterhaltungen löschen</translation>
    </message>
    <message>
        <source>Deleted conversations are gone for good: their messages, their search index entries and anything derived from them (anonymization notes, items waiting in the outbox).</source>
        <translation>Gelöschte Unterhaltungen sind endgültig weg: ihre Nachrichten, ihre Einträge im Suchindex und alles, was daraus abgeleitet wurde (Anonymisierungsnotizen, Einträge im Postausgang).</translation>
    </message>
    <message>
        <source>&amp;One conversation:</source>
        <translation>&amp;Eine Unterhaltung:</translation>
    </message>
    <message>
        <source>Conversation to delete</source>
        <translation>Zu löschende Unterhaltung</translation>
    </message>
    <message>
        <source>Those last active &amp;from:</source>
        <translation>Zuletzt aktiv &amp;vom:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Von Datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis Datum</translation>
    </message>
    <message>
        <source>&amp;All stored conversations</source>
        <translation>&amp;Alle gespeicherten Unterhaltungen</translation>
    </message>
    <message>
        <source>to</source>
        <comment>between two dates</comment>
        <translation>bis</translation>
    </message>
    <message>
        <source>I understand that deleted conversations cannot be recovered</source>
        <translation>Mir ist klar, dass gelöschte Unterhaltungen nicht wiederhergestellt werden können</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>This deletes all %n stored conversation(s).</source>
        <translation>
            <numerusform>Damit wird die %n gespeicherte Unterhaltung gelöscht.</numerusform>
            <numerusform>Damit werden alle %n gespeicherten Unterhaltungen gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This deletes %n conversation(s) last active from {first} to {last}.</source>
        <translation>
            <numerusform>Damit wird %n Unterhaltung gelöscht, die zuletzt zwischen {first} und {last} aktiv war.</numerusform>
            <numerusform>Damit werden %n Unterhaltungen gelöscht, die zuletzt zwischen {first} und {last} aktiv waren.</numerusform>
        </translation>
    </message>
    <message>
        <source>This deletes the conversation above.</source>
        <translation>Damit wird die oben gewählte Unterhaltung gelöscht.</translation>
    </message>
    <message>
        <source>No stored conversation matches: nothing would be deleted.</source>
        <translation>Keine gespeicherte Unterhaltung passt: Es würde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Started {day}</source>
        <translation>Begonnen am {day}</translation>
    </message>
    <message>
        <source>No stored conversations</source>
        <translation>Keine gespeicherten Unterhaltungen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>DeletionTimeline</name>
    <message>
        <source>Timeline of upcoming deletions</source>
        <translation>Zeitleiste der anstehenden Löschungen</translation>
    </message>
    <message numerus="yes">
        <source>{lane}: %n due, the first on {day}</source>
        <translation>
            <numerusform>{lane}: %n fällig am {day}</numerusform>
            <numerusform>{lane}: %n fällig, die ersten am {day}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{lane}: nothing due in the next %n days</source>
        <translation>
            <numerusform>{lane}: am nächsten Tag nichts fällig</numerusform>
            <numerusform>{lane}: in den nächsten %n Tagen nichts fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
</context>
<context>
    <name>ErrorRow</name>
    <message>
        <source>What went wrong</source>
        <extracomment>How often a streaming reply is re-rendered, at most (ms). The longest the transcript works in one go when loading or measuring (ms). Space around the column of messages, and between two messages (pixels). How often the scroll range catches up while heights are being measured (s). Messages this far (pixels) above and below the viewport get a widget too.</extracomment>
        <translation>Was schiefgegangen ist</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Send the same message again</source>
        <translation>Dieselbe Nachricht erneut senden</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>JSON: one machine-readable file</source>
        <extracomment>The formats offered, in order (their descriptions are translated when shown).</extracomment>
        <translation>JSON: eine maschinenlesbare Datei</translation>
    </message>
    <message>
        <source>Zip: the JSON file plus a readable copy of each conversation</source>
        <translation>Zip: die JSON-Datei und dazu eine lesbare Kopie jeder Unterhaltung</translation>
    </message>
    <message>
        <source>Export your data</source>
        <translation>Ihre Daten exportieren</translation>
    </message>
    <message>
        <source>One file with everything Confidant keeps: your conversations, preferences, consents, the privacy log, retention settings, the outbox and deletion receipts. Keys and passwords are never included.</source>
        <translation>Eine Datei mit allem, was Confidant aufbewahrt: Ihre Unterhaltungen, Einstellungen und Einwilligungen, das Datenschutzprotokoll, die Aufbewahrungsfristen, der Postausgang und die Löschquittungen. Schlüssel und Passwörter sind nie enthalten.</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Exportdatei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Leave empty for no encryption</source>
        <translation>Leer lassen, um nicht zu verschlüsseln</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Without a passphrase this file is NOT protected: anyone who gets a copy of it can read every conversation in it.</source>
        <translation>Ohne Passphrase ist diese Datei NICHT geschützt: Wer eine Kopie davon bekommt, kann jede Unterhaltung darin lesen.</translation>
    </message>
    <message>
        <source>The file will be encrypted with this passphrase. Nobody can read it without the passphrase, and it cannot be recovered if you forget it.</source>
        <translation>Die Datei wird mit dieser Passphrase verschlüsselt. Ohne die Passphrase kann niemand sie lesen, und wenn Sie die Passphrase vergessen, lässt sich die Datei nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Fortschritt des Exports</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip-Archive (*.zip)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Wählen Sie, wo der Export gespeichert werden soll.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation>
            <numerusform>Die Passphrase muss mindestens %n Zeichen lang sein.</numerusform>
            <numerusform>Die Passphrase muss mindestens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Confidant</source>
        <translation>Willkommen bei Confidant</translation>
    </message>
    <message>
        <source>Only your preferences are stored. They are encrypted on this computer, with a key that is kept in your system keyring.</source>
        <translation>Gespeichert werden nur Ihre Einstellungen. Sie liegen verschlüsselt auf diesem Computer, mit einem Schlüssel, der im Schlüsselbund Ihres Systems aufbewahrt wird.</translation>
    </message>
    <message>
        <source>Your conversations are not stored. Confidant keeps them only if you agree to that later, and you can change your mind at any time.</source>
        <translation>Ihre Unterhaltungen werden nicht gespeichert. Confidant bewahrt sie nur auf, wenn Sie später zustimmen, und Sie können es sich jederzeit anders überlegen.</translation>
    </message>
    <message>
        <source>Nothing is sent anywhere. The assistant you start with is an offline demo that runs on this computer.</source>
        <translation>Es wird nichts irgendwohin gesendet. Der Assistent, mit dem Sie beginnen, ist eine Offline-Demo, die auf diesem Computer läuft.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>ForgetMeDialog</name>
    <message>
        <source>DELETE</source>
        <extracomment>What the user types to enable the Forget button, exactly (case and spaces count); each language has its own word (translated when the dialog is made).</extracomment>
        <translation>LÖSCHEN</translation>
    </message>
    <message>
        <source>Forget me</source>
        <translation>Mich vergessen</translation>
    </message>
    <message>
        <source>Erase everything, here and upstream</source>
        <translation>Alles löschen, hier und beim Sammelserver</translation>
    </message>
    <message>
        <source>Forget me erases your whole profile. It cannot be undone.</source>
        <translation>„Mich vergessen“ löscht Ihr gesamtes Profil. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>On this computer: every stored conversation and message with its search index, your preferences, your consent records, the privacy log, the outbox, the anonymization notes and the network log; the encryption key in your system keyring; and the profile folder:</source>
        <translation>Auf diesem Computer: jede gespeicherte Unterhaltung und Nachricht samt Suchindex, Ihre Einstellungen, Ihre Einwilligungsnachweise, das Datenschutzprotokoll, der Postausgang, die Anonymisierungsnotizen und das Netzwerkprotokoll; der Verschlüsselungsschlüssel im Schlüsselbund Ihres Systems; und der Profilordner:</translation>
    </message>
    <message>
        <source>Upstream: if you shared anything for training or research, those consents are withdrawn and the collector is asked to delete everything it received from you. The receipt shows its answer.</source>
        <translation>Beim Sammelserver: Wenn Sie etwas fürs Training oder für die Forschung geteilt haben, werden diese Einwilligungen widerrufen, und der Sammelserver wird gebeten, alles zu löschen, was er von Ihnen erhalten hat. Die Quittung zeigt seine Antwort.</translation>
    </message>
    <message>
        <source>Want a copy first? Close this and use Data › Export your data.</source>
        <translation>Möchten Sie vorher eine Kopie? Schließen Sie dieses Fenster und wählen Sie Daten › Daten exportieren.</translation>
    </message>
    <message>
        <source>Type {word} to confirm:</source>
        <translation>Geben Sie zur Bestätigung {word} ein:</translation>
    </message>
    <message>
        <source>Type {word} to confirm</source>
        <translation>Geben Sie zur Bestätigung {word} ein</translation>
    </message>
    <message>
        <source>Erasing</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Your profile has been erased</source>
        <translation>Ihr Profil wurde gelöscht</translation>
    </message>
    <message>
        <source>What was deleted</source>
        <translation>Was gelöscht wurde</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Copy receipt</source>
        <translation>Quittung kopieren</translation>
    </message>
    <message>
        <source>Quit Confidant</source>
        <translation>Confidant beenden</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Erased on {when}. The receipt holds counts, never content.</source>
        <translation>Gelöscht am {when}. Die Quittung enthält nur Anzahlen, nie Inhalte.</translation>
    </message>
    <message>
        <source>A deletion request could not be delivered yet. A new, empty profile keeps it and this receipt, and sends it again until the collector confirms.</source>
        <translation>Ein Löschantrag konnte noch nicht zugestellt werden. Ein neues, leeres Profil bewahrt ihn und diese Quittung auf und sendet ihn erneut, bis der Sammelserver bestätigt.</translation>
    </message>
    <message>
        <source>Nothing of your profile is left on this computer. Confidant closes now; start it again to begin with a fresh, empty profile.</source>
        <translation>Von Ihrem Profil ist nichts mehr auf diesem Computer. Confidant wird jetzt beendet; starten Sie es neu, um mit einem neuen, leeren Profil zu beginnen.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Nothing stored</source>
        <extracomment>The counted words, for every module (translating is safe on any thread).</extracomment>
        <translation>Nichts gespeichert</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message>
        <source>{day} ({when})</source>
        <translation>{day} ({when})</translation>
    </message>
</context>
<context>
    <name>GuardianGate</name>
    <message>
        <source>Guardian PIN needed</source>
        <extracomment>What a PIN dialog asks when it guards a change the core refused (translated when shown).</extracomment>
        <translation>Eltern-PIN nötig</translation>
    </message>
    <message>
        <source>Unlock and test</source>
        <translation>Entsperren und testen</translation>
    </message>
    <message>
        <source>Unlock and save</source>
        <translation>Entsperren und speichern</translation>
    </message>
    <message>
        <source>Guardian PIN</source>
        <translation>Eltern-PIN</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>GuardianPage</name>
    <message>
        <source>Set up child mode…</source>
        <extracomment>The child-mode button&apos;s two texts (marked here, translated where they are shown).</extracomment>
        <translation>Kindermodus einrichten…</translation>
    </message>
    <message>
        <source>Turn child mode off…</source>
        <translation>Kindermodus ausschalten…</translation>
    </message>
    <message>
        <source>Guardian</source>
        <extracomment>Whether child mode is on, once the controller has said (None: not known yet).</extracomment>
        <translation>Eltern</translation>
    </message>
    <message>
        <source>For parents and guardians: turn child mode on or off, and read how to protect a child&apos;s privacy with Confidant, what child mode does and does not do, and how to review, export and delete your child&apos;s data.</source>
        <translation>Für Eltern und Erziehungsberechtigte: Schalten Sie den Kindermodus ein oder aus, und lesen Sie, wie Sie die Privatsphäre eines Kindes mit Confidant schützen, was der Kindermodus tut und was nicht, und wie Sie die Daten Ihres Kindes prüfen, exportieren und löschen.</translation>
    </message>
    <message>
        <source>Child mode</source>
        <translation>Kindermodus</translation>
    </message>
    <message>
        <source>Lock settings now</source>
        <translation>Einstellungen jetzt sperren</translation>
    </message>
    <message>
        <source>Lock guardian settings now</source>
        <translation>Eltern-Einstellungen jetzt sperren</translation>
    </message>
    <message>
        <source>After the PIN is entered, settings stay open for 5 minutes. Lock them at once.</source>
        <translation>Nach Eingabe der PIN bleiben die Einstellungen 5 Minuten lang offen. Hiermit sperren Sie sie sofort.</translation>
    </message>
    <message>
        <source>Forgot the PIN? Nothing can bypass it: the only way out is to erase this profile&apos;s data with Forget me, which also turns child mode off.</source>
        <translation>PIN vergessen? Es gibt keinen Weg daran vorbei: Der einzige Ausweg ist, die Daten dieses Profils mit „Mich vergessen“ zu löschen, was auch den Kindermodus ausschaltet.</translation>
    </message>
    <message>
        <source>Forget me…</source>
        <translation>Mich vergessen…</translation>
    </message>
    <message>
        <source>Forget me: erase this profile&apos;s data</source>
        <translation>Mich vergessen: die Daten dieses Profils löschen</translation>
    </message>
    <message>
        <source>Guardian resources sections</source>
        <translation>Bereiche der Informationen für Eltern</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Leitfaden</translation>
    </message>
    <message>
        <source>Helplines (a list you can edit)</source>
        <translation>Hilfetelefone (eine Liste, die Sie bearbeiten können)</translation>
    </message>
    <message>
        <source>Guide for parents and guardians</source>
        <translation>Leitfaden für Eltern und Erziehungsberechtigte</translation>
    </message>
    <message>
        <source>Helplines</source>
        <translation>Hilfetelefone</translation>
    </message>
</context>
<context>
    <name>GuardianPageController</name>
    <message>
        <source>Child mode is off. Set it up to keep nothing, share nothing and protect your child&apos;s personal details; its settings then need your PIN.</source>
        <translation>Der Kindermodus ist ausgeschaltet. Richten Sie ihn ein, damit nichts aufbewahrt, nichts geteilt und die persönlichen Angaben Ihres Kindes geschützt werden; seine Einstellungen erfordern dann Ihre PIN.</translation>
    </message>
    <message>
        <source>Child mode is on since {when}. Changing its settings, or turning it off, needs your PIN.</source>
        <translation>Der Kindermodus ist seit {when} eingeschaltet. Um seine Einstellungen zu ändern oder ihn auszuschalten, ist Ihre PIN nötig.</translation>
    </message>
    <message>
        <source>Child mode is on. Changing its settings, or turning it off, needs your PIN.</source>
        <translation>Der Kindermodus ist eingeschaltet. Um seine Einstellungen zu ändern oder ihn auszuschalten, ist Ihre PIN nötig.</translation>
    </message>
    <message>
        <source>After too many wrong PINs, no PIN is checked until {when}.</source>
        <translation>Nach zu vielen falschen PINs wird bis {when} keine PIN geprüft.</translation>
    </message>
    <message>
        <source>When a message touches a sensitive topic, child mode shows your child this list. It is a list you can edit: change the file {file} to suit your country and family.</source>
        <extracomment>The user asked for a Data dialog (``forget``, for a forgotten PIN).</extracomment>
        <translation>Wenn eine Nachricht ein sensibles Thema berührt, zeigt der Kindermodus Ihrem Kind diese Liste. Sie können sie bearbeiten: Passen Sie die Datei {file} an Ihr Land und Ihre Familie an.</translation>
    </message>
    <message>
        <source>Turning child mode off needs the guardian&apos;s PIN.</source>
        <translation>Zum Ausschalten des Kindermodus ist die Eltern-PIN nötig.</translation>
    </message>
    <message>
        <source>Turn child mode off</source>
        <translation>Kindermodus ausschalten</translation>
    </message>
    <message>
        <source>Child mode is on.</source>
        <translation>Der Kindermodus ist eingeschaltet.</translation>
    </message>
    <message>
        <source>Child mode is off. Settings no longer need a PIN.</source>
        <translation>Der Kindermodus ist ausgeschaltet. Einstellungen erfordern keine PIN mehr.</translation>
    </message>
    <message>
        <source>Settings are locked: the next change needs the PIN.</source>
        <translation>Die Einstellungen sind gesperrt: Für die nächste Änderung ist die PIN nötig.</translation>
    </message>
</context>
<context>
    <name>GuardianSetupDialog</name>
    <message>
        <source>I am this child&apos;s parent or guardian and I agree</source>
        <extracomment>The agreement&apos;s tick box (marked here, translated where it is shown).</extracomment>
        <translation>Ich bin Elternteil oder erziehungsberechtigt für dieses Kind und stimme zu</translation>
    </message>
    <message>
        <source>Set up child mode</source>
        <translation>Kindermodus einrichten</translation>
    </message>
    <message>
        <source>**Child mode** makes Confidant safer for a child: no conversation is kept, nothing is shared, personal details are removed from messages before they reach the assistant, and only a nickname, a built-in picture and the default voice are kept. Changing consents, the assistant or how long data is kept, and turning child mode off, need your PIN. A badge on every window tells your child that child mode is on.</source>
        <translation>Der **Kindermodus** macht Confidant sicherer für ein Kind: Keine Unterhaltung wird aufbewahrt, nichts wird geteilt, persönliche Angaben werden aus Nachrichten entfernt, bevor sie den Assistenten erreichen, und nur ein Spitzname, ein mitgeliefertes Bild und die Standardstimme werden gespeichert. Um Einwilligungen, den Assistenten oder die Aufbewahrungsdauer zu ändern und um den Kindermodus auszuschalten, ist Ihre PIN nötig. Ein Abzeichen in jedem Fenster zeigt Ihrem Kind, dass der Kindermodus eingeschaltet ist.</translation>
    </message>
    <message>
        <source>It does **not** filter what the assistant says, show you your child&apos;s conversations, or protect against someone who knows the PIN. Your child can always see what is stored about them and delete it, without the PIN.</source>
        <translation>Er filtert **nicht**, was der Assistent sagt, zeigt Ihnen nicht die Unterhaltungen Ihres Kindes und schützt nicht vor jemandem, der die PIN kennt. Ihr Kind kann jederzeit sehen, was über es gespeichert ist, und es löschen, auch ohne PIN.</translation>
    </message>
    <message>
        <source>The guardian&apos;s agreement</source>
        <translation>Die Zustimmung der Eltern</translation>
    </message>
    <message numerus="yes">
        <source>Choose a PIN or passphrase of at least %n digit(s) or character(s) that your child does not know. If you forget it, the only way out is to erase this profile&apos;s data (Forget me).</source>
        <translation>
            <numerusform>Wählen Sie eine PIN oder Passphrase aus mindestens %n Ziffer oder Zeichen, die Ihr Kind nicht kennt. Wenn Sie sie vergessen, bleibt nur, die Daten dieses Profils zu löschen („Mich vergessen“).</numerusform>
            <numerusform>Wählen Sie eine PIN oder Passphrase aus mindestens %n Ziffern oder Zeichen, die Ihr Kind nicht kennt. Wenn Sie sie vergessen, bleibt nur, die Daten dieses Profils zu löschen („Mich vergessen“).</numerusform>
        </translation>
    </message>
    <message>
        <source>Guardian PIN</source>
        <translation>Eltern-PIN</translation>
    </message>
    <message>
        <source>Repeat the guardian PIN</source>
        <translation>Eltern-PIN wiederholen</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel: leave child mode off</source>
        <translation>Abbrechen: Kindermodus bleibt aus</translation>
    </message>
    <message numerus="yes">
        <source>The PIN needs at least %n digit(s) or character(s).</source>
        <translation>
            <numerusform>Die PIN braucht mindestens %n Ziffer oder Zeichen.</numerusform>
            <numerusform>Die PIN braucht mindestens %n Ziffern oder Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two PINs are different.</source>
        <translation>Die beiden PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Turning on…</source>
        <translation>Wird eingeschaltet…</translation>
    </message>
    <message>
        <source>Turn on child mode</source>
        <translation>Kindermodus einschalten</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Find out from the file</source>
        <extracomment>The sources offered, in order (their names are translated when shown).</extracomment>
        <translation>Aus der Datei erkennen</translation>
    </message>
    <message>
        <source>Confidant export</source>
        <translation>Confidant-Export</translation>
    </message>
    <message>
        <source>ChatGPT export</source>
        <translation>ChatGPT-Export</translation>
    </message>
    <message>
        <source>Claude export</source>
        <translation>Claude-Export</translation>
    </message>
    <message>
        <source>Jan (data folder)</source>
        <translation>Jan (Datenordner)</translation>
    </message>
    <message>
        <source>LM Studio (conversations folder)</source>
        <translation>LM Studio (Ordner conversations)</translation>
    </message>
    <message>
        <source>Open WebUI export</source>
        <translation>Open-WebUI-Export</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <source>Bring in conversations from an export: Confidant&apos;s own (which also restores your preferences), ChatGPT&apos;s or Claude&apos;s (the file or the whole zip), Open WebUI&apos;s, or the chats Jan and LM Studio keep in plaintext on this computer. First you see what the file holds; nothing is stored until you click Import.</source>
        <translation>Holen Sie Unterhaltungen aus einem Export: aus Confidants eigenem (der auch Ihre Einstellungen wiederherstellt), aus dem von ChatGPT oder Claude (die Datei oder das ganze Zip), aus dem von Open WebUI oder aus den Chats, die Jan und LM Studio im Klartext auf diesem Computer ablegen. Zuerst sehen Sie, was die Datei enthält; gespeichert wird erst, wenn Sie auf Importieren klicken.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>conversations.json, or an export file</source>
        <translation>conversations.json oder eine Exportdatei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Where the file comes from</source>
        <translation>Woher die Datei stammt</translation>
    </message>
    <message>
        <source>Passphrase of an encrypted export</source>
        <translation>Passphrase eines verschlüsselten Exports</translation>
    </message>
    <message>
        <source>Only for an encrypted Confidant export</source>
        <translation>Nur für einen verschlüsselten Confidant-Export</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Herkunft:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Chats found on this computer</source>
        <translation>Auf diesem Computer gefundene Chats</translation>
    </message>
    <message>
        <source>None found</source>
        <translation>Keine gefunden</translation>
    </message>
    <message>
        <source>Found &amp;here:</source>
        <translation>&amp;Gefunden:</translation>
    </message>
    <message>
        <source>Also keep conversations about sensitive topics</source>
        <translation>Auch Unterhaltungen über sensible Themen aufbewahren</translation>
    </message>
    <message>
        <source>Left unticked, conversations that touch a sensitive topic (health, mental health, relationships, money, sexuality, religion, politics) are left out, as they would not be kept if you had them in Confidant.</source>
        <translation>Ohne Häkchen werden Unterhaltungen, die ein sensibles Thema berühren (Gesundheit, psychische Gesundheit, Beziehungen, Geld, Sexualität, Religion, Politik), ausgelassen, so wie sie auch in Confidant nicht aufbewahrt würden.</translation>
    </message>
    <message>
        <source>Keep them for my retention period counted from today</source>
        <translation>Für meine Aufbewahrungsdauer ab heute aufbewahren</translation>
    </message>
    <message>
        <source>Count the retention period from their original dates</source>
        <translation>Die Aufbewahrungsdauer ab ihrem ursprünglichen Datum rechnen</translation>
    </message>
    <message>
        <source>Counted from their original dates, conversations older than your retention period are left out.</source>
        <translation>Ab dem ursprünglichen Datum gerechnet, werden Unterhaltungen ausgelassen, die älter als Ihre Aufbewahrungsdauer sind.</translation>
    </message>
    <message>
        <source>Yes, delete these plaintext files for good</source>
        <translation>Ja, diese Klartextdateien endgültig löschen</translation>
    </message>
    <message>
        <source>Delete the files</source>
        <translation>Dateien löschen</translation>
    </message>
    <message>
        <source>{app}: {path}</source>
        <translation>{app}: {path}</translation>
    </message>
    <message>
        <source>Show what&apos;s inside the file first.</source>
        <translation>Lassen Sie sich zuerst zeigen, was die Datei enthält.</translation>
    </message>
    <message>
        <source>These plaintext files now hold only conversations verified in Confidant. You may delete them:</source>
        <translation>Diese Klartextdateien enthalten nur noch Unterhaltungen, die in Confidant geprüft vorliegen. Sie können sie löschen:</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Fortschritt des Imports</translation>
    </message>
    <message>
        <source>Show what&apos;s inside</source>
        <translation>Inhalt zeigen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Choose one…</source>
        <translation>Bitte wählen…</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importieren aus</translation>
    </message>
    <message>
        <source>Exports (*.json *.zip *.enc);;All files (*)</source>
        <translation>Exporte (*.json *.zip *.enc);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>Wählen Sie die Datei, die importiert werden soll.</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Background job progress</source>
        <extracomment>A job that is over sooner than this never shows a bar (no flicker for quick jobs).</extracomment>
        <translation>Fortschritt der Hintergrundarbeit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel: {job}</source>
        <translation>Abbrechen: {job}</translation>
    </message>
</context>
<context>
    <name>KeyringDialog</name>
    <message>
        <source>No secure keyring</source>
        <translation>Kein sicherer Schlüsselbund</translation>
    </message>
    <message>
        <source>Confidant cannot use a system keyring here</source>
        <translation>Confidant kann hier keinen Schlüsselbund des Systems verwenden</translation>
    </message>
    <message>
        <source>Confidant keeps the key to your encrypted data in your system keyring, such as GNOME Keyring or KWallet. {reason}</source>
        <translation>Confidant bewahrt den Schlüssel zu Ihren verschlüsselten Daten im Schlüsselbund Ihres Systems auf, etwa in GNOME Keyring oder KWallet. {reason}</translation>
    </message>
    <message>
        <source>You can protect your data with a passphrase instead. You will type it each time Confidant starts, and if you forget it, nobody can recover your data.</source>
        <translation>Sie können Ihre Daten stattdessen mit einer Passphrase schützen. Sie geben sie bei jedem Start von Confidant ein, und wenn Sie sie vergessen, kann niemand Ihre Daten wiederherstellen.</translation>
    </message>
    <message>
        <source>Or quit now, set up a system keyring, and start Confidant again.</source>
        <translation>Oder beenden Sie jetzt, richten Sie einen Schlüsselbund ein und starten Sie Confidant erneut.</translation>
    </message>
    <message>
        <source>Use a passphrase instead</source>
        <translation>Stattdessen eine Passphrase verwenden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>LocalServerController</name>
    <message>
        <source>The search did not finish; try again.</source>
        <translation>Die Suche wurde nicht abgeschlossen; versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>LocalServerFinder</name>
    <message>
        <source>Find assistants on this computer</source>
        <extracomment>The user clicked &quot;Find assistants on this computer&quot;. The user chose to use a server: (its base URL, the model chosen).</extracomment>
        <translation>Assistenten auf diesem Computer finden</translation>
    </message>
    <message>
        <source>Asks this computer only (127.0.0.1) whether Ollama, LM Studio, llama.cpp, Jan or vLLM is running, at their usual ports. Each question is in the network log.</source>
        <translation>Fragt nur diesen Computer (127.0.0.1), ob Ollama, LM Studio, llama.cpp, Jan oder vLLM an den üblichen Ports läuft. Jede Anfrage steht im Netzwerkprotokoll.</translation>
    </message>
    <message>
        <source>Assistant found on this computer</source>
        <translation>Auf diesem Computer gefundener Assistent</translation>
    </message>
    <message>
        <source>Its model</source>
        <translation>Sein Modell</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>Diesen verwenden</translation>
    </message>
    <message>
        <source>Fill in the settings above; Save keeps them</source>
        <translation>Trägt die Einstellungen oben ein; Speichern übernimmt sie</translation>
    </message>
    <message>
        <source>Looking on this computer…</source>
        <translation>Suche auf diesem Computer…</translation>
    </message>
    <message>
        <source>{name} at 127.0.0.1:{port}</source>
        <translation>{name} unter 127.0.0.1:{port}</translation>
    </message>
    <message numerus="yes">
        <source>Found %n assistant(s) on this computer.</source>
        <translation>
            <numerusform>%n Assistent auf diesem Computer gefunden.</numerusform>
            <numerusform>%n Assistenten auf diesem Computer gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No assistant answered on this computer. Is it running?</source>
        <translation>Auf diesem Computer hat kein Assistent geantwortet. Läuft er?</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Confidant locked itself because it was not used for a while.</source>
        <extracomment>Why the window is locked, by what locked it (translated when shown).</extracomment>
        <translation>Confidant hat sich gesperrt, weil es eine Weile nicht benutzt wurde.</translation>
    </message>
    <message>
        <source>You locked Confidant.</source>
        <translation>Sie haben Confidant gesperrt.</translation>
    </message>
    <message>
        <source>Confidant is locked</source>
        <translation>Confidant ist gesperrt</translation>
    </message>
    <message>
        <source>{reason} Your key was removed from memory. Conversations that were not saved were closed; saved ones are kept, encrypted.</source>
        <translation>{reason} Ihr Schlüssel wurde aus dem Arbeitsspeicher entfernt. Nicht gespeicherte Unterhaltungen wurden geschlossen; gespeicherte bleiben verschlüsselt erhalten.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Ihre Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Quit Confidant</source>
        <translation>Confidant beenden</translation>
    </message>
    <message>
        <source>Why the passphrase was not taken</source>
        <translation>Warum die Passphrase nicht angenommen wurde</translation>
    </message>
    <message>
        <source>Locking…</source>
        <translation>Wird gesperrt…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Geben Sie Ihre Passphrase ein.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Stopped. The reply so far is kept.</source>
        <translation>Angehalten. Die bisherige Antwort bleibt erhalten.</translation>
    </message>
    <message>
        <source>Cut off: this reply did not finish, and is not kept.</source>
        <translation>Abgebrochen: Diese Antwort wurde nicht fertig und wird nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>Not answered. You can send it again.</source>
        <translation>Nicht beantwortet. Sie können die Nachricht erneut senden.</translation>
    </message>
    <message>
        <source>Stopped before the assistant answered; nothing was kept.</source>
        <translation>Angehalten, bevor der Assistent geantwortet hat; es wurde nichts aufbewahrt.</translation>
    </message>
    <message>
        <source>Chat</source>
        <extracomment>(key, navigation label, shortcut), in sidebar order.</extracomment>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <source>Saved, encrypted</source>
        <extracomment>The notes a message in the transcript can carry, so they follow a change of language. The status bar&apos;s verdict, by SaveStatus name (the core&apos;s value, in the interface language).</extracomment>
        <translation>Gespeichert, verschlüsselt</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>Temporär</translation>
    </message>
    <message>
        <source>Sensitive — not saved</source>
        <translation>Sensibel – nicht gespeichert</translation>
    </message>
    <message>
        <source>Kept on this computer, encrypted, until its scheduled deletion.</source>
        <extracomment>Why a conversation is or is not kept, by SaveStatus name (the status bar shows its verdict).</extracomment>
        <translation>Wird verschlüsselt auf diesem Computer aufbewahrt, bis zur geplanten Löschung.</translation>
    </message>
    <message>
        <source>Not kept: you have not agreed to keeping conversations. You can change that on the Privacy page.</source>
        <translation>Wird nicht aufbewahrt: Sie haben dem Aufbewahren von Unterhaltungen nicht zugestimmt. Das können Sie auf der Seite „Datenschutz“ ändern.</translation>
    </message>
    <message>
        <source>Temporary chat: never kept, and never shared. It is gone when you close it.</source>
        <translation>Temporärer Chat: wird nie aufbewahrt und nie geteilt. Er ist weg, sobald Sie ihn schließen.</translation>
    </message>
    <message>
        <source>This conversation touches a sensitive topic, so it is not kept unless you allow it for this conversation.</source>
        <translation>Diese Unterhaltung berührt ein sensibles Thema und wird deshalb nur aufbewahrt, wenn Sie es für diese Unterhaltung erlauben.</translation>
    </message>
    <message>
        <source>Not kept: child mode is on, so no chat is saved or shared.</source>
        <extracomment>Why nothing is kept in child mode (whatever consents were given before it).</extracomment>
        <translation>Wird nicht aufbewahrt: Der Kindermodus ist eingeschaltet, deshalb wird kein Chat gespeichert oder geteilt.</translation>
    </message>
    <message>
        <source>Opening your profile…</source>
        <translation>Ihr Profil wird geöffnet…</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>The assistant is replying…</source>
        <extracomment>What the status bar says while a reply is under way.</extracomment>
        <translation>Der Assistent antwortet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <extracomment>Emitted from closeEvent, before the window goes away. Emitted with the conversation id once a new chat can take input. Emitted with the page key each time a page is shown. Emitted with whether child mode is on, each time the window learns it (and at attach). Emitted with the conversation id once a stored conversation is on show. What controllers report to the shell. Made once a profile is attached (after the first paint). The tools that come with a profile (the banner, the checkup, Data, My data). The child-mode badge on this window and on every dialog (see child_indicator). The window&apos;s own central widget while the lock screen takes its place.</extracomment>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <extracomment>Each chat action&apos;s (object name, text, status tip), in ``ChatActions`` order.</extracomment>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Eine neue Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>&amp;Temporary chat</source>
        <translation>&amp;Temporärer Chat</translation>
    </message>
    <message>
        <source>Start a conversation that is never kept and never shared</source>
        <translation>Eine Unterhaltung beginnen, die nie aufbewahrt und nie geteilt wird</translation>
    </message>
    <message>
        <source>Treat as sens&amp;itive</source>
        <translation>Als &amp;sensibel behandeln</translation>
    </message>
    <message>
        <source>A sensitive conversation is not kept unless you allow it, and is never shared</source>
        <translation>Eine sensible Unterhaltung wird nur aufbewahrt, wenn Sie es erlauben, und nie geteilt</translation>
    </message>
    <message>
        <source>&amp;Allow saving this conversation</source>
        <translation>Speichern dieser Unterhaltung &amp;erlauben</translation>
    </message>
    <message>
        <source>Keep this sensitive conversation after all</source>
        <translation>Diese sensible Unterhaltung doch aufbewahren</translation>
    </message>
    <message>
        <source>My data</source>
        <translation>Meine Daten</translation>
    </message>
    <message>
        <source>See what is stored about you, and delete it</source>
        <translation>Sehen, was über Sie gespeichert ist, und es löschen</translation>
    </message>
    <message>
        <source>&amp;Search conversations…</source>
        <translation>Unterhaltungen &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>Find words in the conversations kept on this computer</source>
        <translation>Wörter in den Unterhaltungen finden, die auf diesem Computer aufbewahrt werden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Show the {page} page</source>
        <translation>Seite „{page}“ anzeigen</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>The offline demo runs on this computer: nothing you type leaves it.</source>
        <extracomment>Where the assistant runs, by what the status says.</extracomment>
        <translation>Die Offline-Demo läuft auf diesem Computer: Nichts, was Sie eingeben, verlässt ihn.</translation>
    </message>
    <message>
        <source>This assistant runs on this computer: your messages do not leave it.</source>
        <translation>Dieser Assistent läuft auf diesem Computer: Ihre Nachrichten verlassen ihn nicht.</translation>
    </message>
    <message>
        <source>This assistant runs elsewhere: your messages are sent to it over HTTPS. Private prompts replace your personal details first.</source>
        <translation>Dieser Assistent läuft anderswo: Ihre Nachrichten werden über HTTPS an ihn gesendet. Private Prompts ersetzen vorher Ihre persönlichen Angaben.</translation>
    </message>
    <message>
        <source>This assistant runs elsewhere: your messages are sent to it over HTTPS.</source>
        <translation>Dieser Assistent läuft anderswo: Ihre Nachrichten werden über HTTPS an ihn gesendet.</translation>
    </message>
    <message>
        <source>Show the privacy dashboard ({shortcut})</source>
        <translation>Datenschutzübersicht anzeigen ({shortcut})</translation>
    </message>
    <message>
        <source>Whether this conversation is kept on this computer. Conversations are kept only if you agree to it.</source>
        <translation>Ob diese Unterhaltung auf diesem Computer aufbewahrt wird. Unterhaltungen werden nur aufbewahrt, wenn Sie zustimmen.</translation>
    </message>
    <message>
        <source>Something went wrong inside Confidant; your message was not sent.</source>
        <translation>In Confidant ist etwas schiefgegangen; Ihre Nachricht wurde nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>MarkdownView</name>
    <message>
        <source>Copy</source>
        <extracomment>The words inside rendered Markdown (translated when rendered).</extracomment>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Image, not loaded</source>
        <translation>Bild, nicht geladen</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>Show what the assistant saw</source>
        <extracomment>The toggle&apos;s text (translated when shown).</extracomment>
        <translation>Zeigen, was der Assistent gesehen hat</translation>
    </message>
    <message>
        <source>Hide what the assistant saw</source>
        <translation>Ausblenden, was der Assistent gesehen hat</translation>
    </message>
    <message>
        <source>Copy</source>
        <extracomment>GitHub&apos;s dialect, with any HTML in it shown as text rather than interpreted. Space above and below a message, and between its parts (pixels). The message on show (None while the widget waits in the pool). The speaker whose name the parts were last named after. Markdown in the body, and what a click on its Copy or link anchors does (issue 16).</extracomment>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit this message and send it again</source>
        <translation>Diese Nachricht bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>The prompt as the assistant received it</source>
        <translation>Die Nachricht, wie der Assistent sie erhalten hat</translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation>Die Nachricht kopieren</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Copy the message from {speaker}</source>
        <translation>Nachricht kopieren ({speaker})</translation>
    </message>
    <message>
        <source>Message from {speaker}</source>
        <translation>Nachricht ({speaker})</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Model</source>
        <extracomment>The list is wanted: the user opened the picker (the controller asks the provider only when it has no list for it yet). The user chose this model for the conversation. Whether the provider&apos;s list has been filled in (else only the current model).</extracomment>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The model this conversation uses; the list comes from the provider</source>
        <translation>Das Modell dieses Gesprächs; die Liste kommt vom Anbieter</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>Standardmodell</translation>
    </message>
</context>
<context>
    <name>MyDataController</name>
    <message>
        <source>Keeping conversations</source>
        <extracomment>What each consent is called (translated when shown).</extracomment>
        <translation>Unterhaltungen aufbewahren</translation>
    </message>
    <message>
        <source>Sharing to train the assistant</source>
        <translation>Teilen fürs Training des Assistenten</translation>
    </message>
    <message>
        <source>Sharing for research</source>
        <translation>Teilen für die Forschung</translation>
    </message>
    <message>
        <source>your own picture (kept without its hidden details)</source>
        <extracomment>The built-in picture&apos;s name (the core&apos;s, in English), or None for the user&apos;s own. (scope, granted) for each consent. The dialog on screen, if any.</extracomment>
        <translation>Dein eigenes Bild (ohne seine versteckten Angaben aufbewahrt)</translation>
    </message>
    <message>
        <source>{picture} (a built-in picture)</source>
        <translation>{picture} (ein mitgeliefertes Bild)</translation>
    </message>
    <message>
        <source>{conversations} (in child mode, chats are never kept)</source>
        <translation>{conversations} (im Kindermodus werden Chats nie aufbewahrt)</translation>
    </message>
    <message>
        <source>{consent}: {state}</source>
        <translation>{consent}: {state}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Your nickname</source>
        <translation>Dein Spitzname</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation>Dein Bild</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Conversations kept</source>
        <translation>Aufbewahrte Unterhaltungen</translation>
    </message>
    <message>
        <source>Messages kept</source>
        <translation>Aufbewahrte Nachrichten</translation>
    </message>
    <message>
        <source>Notes that hide your details</source>
        <translation>Notizen, die deine Angaben verbergen</translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation>Wozu zugestimmt wurde</translation>
    </message>
    <message>
        <source>{agreements} ({records})</source>
        <translation>{agreements} ({records})</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Nachweis</numerusform>
            <numerusform>%n Nachweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Privacy log</source>
        <translation>Datenschutzprotokoll</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s): what happened and when, never what you wrote</source>
        <translation>
            <numerusform>%n Eintrag: was wann geschah, nie, was du geschrieben hast</numerusform>
            <numerusform>%n Einträge: was wann geschah, nie, was du geschrieben hast</numerusform>
        </translation>
    </message>
    <message>
        <source>Child mode</source>
        <translation>Kindermodus</translation>
    </message>
    <message>
        <source>on since {day}, set by a grown-up</source>
        <translation>eingeschaltet seit {day}, von einem Erwachsenen</translation>
    </message>
    <message numerus="yes">
        <source>Done: deleted %n kept conversation(s), and your nickname, picture and voice are back to how they started.</source>
        <translation>
            <numerusform>Erledigt: %n aufbewahrte Unterhaltung gelöscht, und dein Spitzname, dein Bild und deine Stimme sind wieder wie am Anfang.</numerusform>
            <numerusform>Erledigt: %n aufbewahrte Unterhaltungen gelöscht, und dein Spitzname, dein Bild und deine Stimme sind wieder wie am Anfang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was deleted (an internal error).</source>
        <translation>Es wurde nichts gelöscht (ein interner Fehler).</translation>
    </message>
</context>
<context>
    <name>MyDataDialog</name>
    <message>
        <source>My data</source>
        <translation>Meine Daten</translation>
    </message>
    <message>
        <source>What is stored about you</source>
        <translation>Was über dich gespeichert ist</translation>
    </message>
    <message>
        <source>All of it stays on this computer, locked with encryption.</source>
        <translation>Alles bleibt auf diesem Computer, durch Verschlüsselung geschützt.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Wird nachgesehen…</translation>
    </message>
    <message>
        <source>Delete my data</source>
        <translation>Meine Daten löschen</translation>
    </message>
    <message>
        <source>Delete my data removes your nickname, your picture, your voice choice and any kept conversations, straight away. You do not need a grown-up for this. What stays holds nothing you wrote: the child-mode settings, the record of what was agreed, and the privacy log (which notes that you deleted your data).</source>
        <translation>„Meine Daten löschen“ entfernt sofort deinen Spitznamen, dein Bild, deine gewählte Stimme und alle aufbewahrten Unterhaltungen. Dafür brauchst du keinen Erwachsenen. Was bleibt, enthält nichts, was du geschrieben hast: die Einstellungen des Kindermodus, den Nachweis, wozu zugestimmt wurde, und das Datenschutzprotokoll (das festhält, dass du deine Daten gelöscht hast).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>{what}:</source>
        <translation>{what}:</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Security notice</source>
        <extracomment>What is on show (severity, title, body, more), to say again in another language.</extracomment>
        <translation>Sicherheitshinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation>Diesen Hinweis ausblenden</translation>
    </message>
    <message>
        <source>Security notice ({severity}): {title}</source>
        <translation>Sicherheitshinweis ({severity}): {title}</translation>
    </message>
    <message numerus="yes">
        <source>%n more after this one.</source>
        <translation>
            <numerusform>Danach folgt noch ein weiterer.</numerusform>
            <numerusform>Danach folgen noch %n weitere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenLinkDialog</name>
    <message>
        <source>Open this link?</source>
        <translation>Diesen Link öffnen?</translation>
    </message>
    <message>
        <source>The reply links to this address. It opens in your browser:</source>
        <translation>Die Antwort verweist auf diese Adresse. Sie wird in Ihrem Browser geöffnet:</translation>
    </message>
    <message>
        <source>The link&apos;s full address</source>
        <translation>Die vollständige Adresse des Links</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
</context>
<context>
    <name>OutboxController</name>
    <message>
        <source>To review</source>
        <extracomment>What an item&apos;s state and kind are called in the table (translated when shown).</extracomment>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Learning signal</source>
        <translation>Lernsignal</translation>
    </message>
    <message>
        <source>You agreed to sharing for training and research.</source>
        <translation>Sie haben dem Teilen fürs Training und für die Forschung zugestimmt.</translation>
    </message>
    <message>
        <source>You agreed to sharing for training.</source>
        <translation>Sie haben dem Teilen fürs Training zugestimmt.</translation>
    </message>
    <message>
        <source>You agreed to research.</source>
        <translation>Sie haben der Forschung zugestimmt.</translation>
    </message>
    <message>
        <source>You share nothing: no item is prepared until you agree on the Privacy page.</source>
        <translation>Sie teilen nichts: Es wird kein Eintrag vorbereitet, solange Sie nicht auf der Seite „Datenschutz“ zustimmen.</translation>
    </message>
    <message>
        <source>Uploads go to {url}.</source>
        <translation>Uploads gehen an {url}.</translation>
    </message>
    <message>
        <source>No collector is set up, so nothing is ever sent; items wait here.</source>
        <translation>Es ist kein Sammelserver eingerichtet, also wird nie etwas gesendet; Einträge warten hier.</translation>
    </message>
    <message>
        <source>{review} waiting for review, {approved} approved.</source>
        <translation>{review} warten auf Prüfung, {approved} freigegeben.</translation>
    </message>
    <message>
        <source>Last upload: {when}.</source>
        <translation>Letzter Upload: {when}.</translation>
    </message>
    <message numerus="yes">
        <source>%n deletion request(s) still to be sent.</source>
        <translation>
            <numerusform>%n Löschantrag muss noch gesendet werden.</numerusform>
            <numerusform>%n Löschanträge müssen noch gesendet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No collector is set up, so nothing was sent.</source>
        <translation>Es ist kein Sammelserver eingerichtet, also wurde nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n item(s).</source>
        <translation>
            <numerusform>%n Eintrag gesendet.</numerusform>
            <numerusform>%n Einträge gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion request(s) answered.</source>
        <translation>
            <numerusform>%n Löschantrag beantwortet.</numerusform>
            <numerusform>%n Löschanträge beantwortet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) refused by the collector and dropped.</source>
        <translation>
            <numerusform>%n Eintrag vom Sammelserver abgelehnt und verworfen.</numerusform>
            <numerusform>%n Einträge vom Sammelserver abgelehnt und verworfen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be retried later.</source>
        <translation>
            <numerusform>%n Eintrag wird später erneut versucht.</numerusform>
            <numerusform>%n Einträge werden später erneut versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped; what was not sent waits here.</source>
        <translation>Angehalten; was nicht gesendet wurde, wartet hier.</translation>
    </message>
    <message>
        <source>The rest waits a minute (at most 15 requests a minute).</source>
        <translation>Der Rest wartet eine Minute (höchstens 15 Anfragen pro Minute).</translation>
    </message>
    <message>
        <source>Nothing was due to be sent.</source>
        <translation>Es war nichts zum Senden fällig.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still wait(s) for your review.</source>
        <translation>
            <numerusform>%n Eintrag wartet noch auf Ihre Prüfung.</numerusform>
            <numerusform>%n Einträge warten noch auf Ihre Prüfung.</numerusform>
        </translation>
    </message>
    <message>
        <source>failed</source>
        <extracomment>The send under way, if any, by the token that stops it.</extracomment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Stopping after the request on its way…</source>
        <translation>Wird nach der laufenden Anfrage angehalten…</translation>
    </message>
    <message>
        <source>Upload settings saved.</source>
        <translation>Upload-Einstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>OutboxEditDialog</name>
    <message>
        <source>Edit before it leaves</source>
        <translation>Vor dem Senden bearbeiten</translation>
    </message>
    <message>
        <source>Remove or replace anything you do not want to share. Your edit is anonymized again before it is stored.</source>
        <translation>Entfernen oder ersetzen Sie alles, was Sie nicht teilen möchten. Ihre Änderung wird vor dem Speichern erneut anonymisiert.</translation>
    </message>
    <message>
        <source>The text that would be sent</source>
        <translation>Der Text, der gesendet würde</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Outbox</source>
        <extracomment>The form&apos;s row labels, each with the field it names (its buddy).</extracomment>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Items prepared from your conversations, already anonymized, wait here before they leave. Each one shows exactly what would be sent. While review is on, nothing leaves until you approve it.</source>
        <translation>Aus Ihren Unterhaltungen vorbereitete, bereits anonymisierte Einträge warten hier, bevor sie gesendet werden. Jeder zeigt genau, was gesendet würde. Solange die Prüfung eingeschaltet ist, wird nichts gesendet, bevor Sie es freigeben.</translation>
    </message>
    <message>
        <source>Waiting to leave</source>
        <translation>Warten auf das Senden</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation>Es wartet nichts.</translation>
    </message>
    <message>
        <source>Items waiting to leave</source>
        <translation>Einträge, die auf das Senden warten</translation>
    </message>
    <message>
        <source>Exactly what would be sent</source>
        <translation>Genau das, was gesendet würde</translation>
    </message>
    <message>
        <source>Select an item to see exactly what would be sent.</source>
        <translation>Wählen Sie einen Eintrag, um genau zu sehen, was gesendet würde.</translation>
    </message>
    <message>
        <source>Exactly what would be sent (before sealing):</source>
        <translation>Genau das, was gesendet würde (vor der Versiegelung):</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Let this item leave with the next send.</source>
        <translation>Diesen Eintrag beim nächsten Senden mitschicken.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove more from the text before it leaves.</source>
        <translation>Vor dem Senden mehr aus dem Text entfernen.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Delete this item; it never leaves.</source>
        <translation>Diesen Eintrag löschen; er wird nie gesendet.</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Send the approved items to the collector now.</source>
        <translation>Die freigegebenen Einträge jetzt an den Sammelserver senden.</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>Fortschritt beim Senden</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Stop sending</source>
        <translation>Senden anhalten</translation>
    </message>
    <message>
        <source>Stops before the next request; one already on its way is finished. What was not sent waits here.</source>
        <translation>Hält vor der nächsten Anfrage an; eine bereits laufende wird abgeschlossen. Was nicht gesendet wurde, wartet hier.</translation>
    </message>
    <message>
        <source>What was sent</source>
        <translation>Was gesendet wurde</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nothing was ever uploaded.</source>
        <translation>Es wurde noch nie etwas hochgeladen.</translation>
    </message>
    <message>
        <source>Upload requests</source>
        <translation>Upload-Anfragen</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Beantragt</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Quittung</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>No deletion requests.</source>
        <translation>Keine Löschanträge.</translation>
    </message>
    <message>
        <source>Deletion receipts</source>
        <translation>Löschquittungen</translation>
    </message>
    <message>
        <source>Upload requests (never their content):</source>
        <translation>Upload-Anfragen (nie ihr Inhalt):</translation>
    </message>
    <message>
        <source>Deletion requests and their receipts:</source>
        <translation>Löschanträge und ihre Quittungen:</translation>
    </message>
    <message>
        <source>Advanced: upload settings</source>
        <translation>Erweitert: Upload-Einstellungen</translation>
    </message>
    <message>
        <source>Collector address</source>
        <translation>Adresse des Sammelservers</translation>
    </message>
    <message>
        <source>Collector key</source>
        <translation>Schlüssel des Sammelservers</translation>
    </message>
    <message>
        <source>The collector&apos;s public sealing key (base64)</source>
        <translation>Der öffentliche Versiegelungsschlüssel des Sammelservers (Base64)</translation>
    </message>
    <message>
        <source>Notice key</source>
        <translation>Schlüssel für Hinweise</translation>
    </message>
    <message>
        <source>The key security notices are signed with</source>
        <translation>Der Schlüssel, mit dem Sicherheitshinweise signiert sind</translation>
    </message>
    <message>
        <source>Collector &amp;address:</source>
        <translation>&amp;Adresse des Sammelservers:</translation>
    </message>
    <message>
        <source>Collector &amp;key:</source>
        <translation>&amp;Schlüssel des Sammelservers:</translation>
    </message>
    <message>
        <source>&amp;Notice key:</source>
        <translation>Schlüssel für &amp;Hinweise:</translation>
    </message>
    <message>
        <source>Save upload settings</source>
        <translation>Upload-Einstellungen speichern</translation>
    </message>
    <message>
        <source>Review each item before it leaves</source>
        <translation>Jeden Eintrag vor dem Senden prüfen</translation>
    </message>
    <message>
        <source>Check for security notices</source>
        <translation>Nach Sicherheitshinweisen sehen</translation>
    </message>
    <message>
        <source>Asks the collector for signed security notices every 12 hours, even when you share nothing. Each check is one request, listed in the network log.</source>
        <translation>Fragt alle 12 Stunden beim Sammelserver nach signierten Sicherheitshinweisen, auch wenn Sie nichts teilen. Jede Abfrage ist eine Anfrage und steht im Netzwerkprotokoll.</translation>
    </message>
</context>
<context>
    <name>PassphraseCheck</name>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation>
            <numerusform>Die Passphrase muss mindestens %n Zeichen lang sein.</numerusform>
            <numerusform>Die Passphrase muss mindestens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Geben Sie Ihre Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Passphrase wählen</translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n character(s). You will type it each time Confidant starts. If you forget it, nobody can recover your data.</source>
        <translation>
            <numerusform>Wählen Sie eine Passphrase aus mindestens %n Zeichen. Sie geben sie bei jedem Start von Confidant ein. Wenn Sie sie vergessen, kann niemand Ihre Daten wiederherstellen.</numerusform>
            <numerusform>Wählen Sie eine Passphrase aus mindestens %n Zeichen. Sie geben sie bei jedem Start von Confidant ein. Wenn Sie sie vergessen, kann niemand Ihre Daten wiederherstellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock Confidant</source>
        <translation>Confidant entsperren</translation>
    </message>
    <message>
        <source>Your data is protected by a passphrase. Enter it to open your profile.</source>
        <translation>Ihre Daten sind mit einer Passphrase geschützt. Geben Sie sie ein, um Ihr Profil zu öffnen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Wird geöffnet…</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Profil anlegen</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Guardian PIN</source>
        <translation>Eltern-PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>This is for a parent or guardian. If you are not one, press Cancel: nothing changes.</source>
        <translation>Das ist für Eltern oder Erziehungsberechtigte. Wenn Sie das nicht sind, wählen Sie „Abbrechen“: Es ändert sich nichts.</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel: change nothing</source>
        <translation>Abbrechen: nichts ändern</translation>
    </message>
    <message>
        <source>Enter the guardian&apos;s PIN.</source>
        <translation>Geben Sie die Eltern-PIN ein.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Too many wrong PINs, so PINs are not checked for a while. Try again in {wait}. Restarting Confidant or changing the clock does not shorten the wait.</source>
        <translation>Zu viele falsche PINs, deshalb werden eine Weile keine PINs geprüft. Versuchen Sie es in {wait} erneut. Ein Neustart von Confidant oder das Verstellen der Uhr verkürzt die Wartezeit nicht.</translation>
    </message>
    <message>
        <source>You can try the PIN again now.</source>
        <translation>Sie können die PIN jetzt erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <source>In child mode only the built-in pictures can be chosen.</source>
        <extracomment>The image types offered when choosing an avatar (the labels are translated where shown). Why &quot;Choose image…&quot; is off in child mode (translated where it is shown).</extracomment>
        <translation>Im Kindermodus können nur die mitgelieferten Bilder gewählt werden.</translation>
    </message>
    <message>
        <source>The image is too large (at most {limit} MB).</source>
        <translation>Das Bild ist zu groß (höchstens {limit} MB).</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>The file could not be read ({reason}).</source>
        <translation>Die Datei konnte nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <source>Your own image</source>
        <extracomment>Child mode allows the built-in pictures only (the core refuses an upload). The app lock was turned on or off, or its idle time changed (an AppLockStatus).</extracomment>
        <translation>Ihr eigenes Bild</translation>
    </message>
    <message>
        <source>Use a picture of your own</source>
        <translation>Ein eigenes Bild verwenden</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Jeden Tag</numerusform>
            <numerusform>Alle %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Display name saved.</source>
        <translation>Anzeigename gespeichert.</translation>
    </message>
    <message>
        <source>{what}: saved.</source>
        <translation>{what}: gespeichert.</translation>
    </message>
    <message>
        <source>Choose an avatar image</source>
        <translation>Ein Bild als Avatar wählen</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Bilder ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Avatar saved, without the image&apos;s hidden details.</source>
        <translation>Avatar gespeichert, ohne die versteckten Angaben des Bildes.</translation>
    </message>
</context>
<context>
    <name>PreferencesPage</name>
    <message>
        <source>Preferences</source>
        <extracomment>The form&apos;s row labels, each with the control it names (its buddy).</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your preferences are stored encrypted on this computer. Confidant never stores direct identifiers such as your e-mail address or phone number.</source>
        <translation>Ihre Einstellungen werden verschlüsselt auf diesem Computer gespeichert. Confidant speichert nie direkte Kennungen wie Ihre E-Mail-Adresse oder Telefonnummer.</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>A nickname, e.g. Sam</source>
        <translation>Ein Spitzname, z. B. Sam</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Namen speichern</translation>
    </message>
    <message>
        <source>What the assistant calls you. E-mail addresses, phone numbers and web addresses are refused.</source>
        <translation>So nennt Sie der Assistent. E-Mail-Adressen, Telefonnummern und Webadressen werden abgelehnt.</translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation>Avatar</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Bild wählen…</translation>
    </message>
    <message>
        <source>Your own image is shrunk and saved as a new picture: its location, camera and other hidden details are not kept.</source>
        <translation>Ihr eigenes Bild wird verkleinert und als neues Bild gespeichert: Aufnahmeort, Kamera und andere versteckte Angaben werden nicht übernommen.</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Privacy checkup interval</source>
        <translation>Abstand des Datenschutz-Checks</translation>
    </message>
    <message>
        <source>How often Confidant reminds you to review what is stored and what you agreed to.</source>
        <translation>Wie oft Confidant Sie daran erinnert, zu prüfen, was gespeichert ist und wozu Sie eingewilligt haben.</translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Avatar:</source>
        <translation>&amp;Avatar:</translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation>&amp;Stimme:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <source>Privacy &amp;checkup:</source>
        <translation>Datenschutz-&amp;Check:</translation>
    </message>
    <message>
        <source>App lock</source>
        <translation>App-Sperre</translation>
    </message>
    <message>
        <source>Turn the app lock on or off</source>
        <translation>App-Sperre ein- oder ausschalten</translation>
    </message>
    <message>
        <source>Lock after this long without use</source>
        <translation>Nach dieser Zeit ohne Nutzung sperren</translation>
    </message>
    <message>
        <source>Lock &amp;after:</source>
        <translation>S&amp;perren nach:</translation>
    </message>
    <message>
        <source>With the app lock on, opening Confidant needs a passphrase, and Confidant locks itself when it has not been used for a while: your key leaves memory until you type the passphrase again.</source>
        <translation>Mit eingeschalteter App-Sperre ist zum Öffnen von Confidant eine Passphrase nötig, und Confidant sperrt sich selbst, wenn es eine Weile nicht benutzt wurde: Ihr Schlüssel verlässt dann den Arbeitsspeicher, bis Sie die Passphrase wieder eingeben.</translation>
    </message>
</context>
<context>
    <name>PrivacyCheckupController</name>
    <message>
        <source>{conversations} ({messages}), your preferences, your consent records and the privacy log</source>
        <translation>{conversations} ({messages}), Ihre Einstellungen, Ihre Einwilligungsnachweise und das Datenschutzprotokoll</translation>
    </message>
</context>
<context>
    <name>PrivacyCheckupDialog</name>
    <message>
        <source>Privacy checkup</source>
        <translation>Datenschutz-Check</translation>
    </message>
    <message>
        <source>Time for a privacy checkup</source>
        <translation>Zeit für einen Datenschutz-Check</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s) Confidant asks you to look at what it keeps and what you agreed to. You can change anything on the Privacy page.</source>
        <translation>
            <numerusform>Jeden Tag bittet Confidant Sie, sich anzusehen, was es aufbewahrt und wozu Sie eingewilligt haben. Auf der Seite „Datenschutz“ können Sie alles ändern.</numerusform>
            <numerusform>Alle %n Tage bittet Confidant Sie, sich anzusehen, was es aufbewahrt und wozu Sie eingewilligt haben. Auf der Seite „Datenschutz“ können Sie alles ändern.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored now: {stored}.</source>
        <translation>Derzeit gespeichert: {stored}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Consents switched on: {consents}.</source>
        <translation>Eingeschaltete Einwilligungen: {consents}.</translation>
    </message>
    <message>
        <source>Review now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>PrivacyDashboard</name>
    <message>
        <source>Export…</source>
        <extracomment>(key, button, explanation) for each data action, in the order shown (translated when shown).</extracomment>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save everything Confidant keeps to one file you can read anywhere.</source>
        <translation>Alles, was Confidant aufbewahrt, in einer Datei speichern, die Sie überall lesen können.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Bring in conversations from Confidant, ChatGPT or Claude.</source>
        <translation>Unterhaltungen aus Confidant, ChatGPT oder Claude übernehmen.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete one conversation, those from a date range, or all of them.</source>
        <translation>Eine Unterhaltung, die aus einem Zeitraum oder alle löschen.</translation>
    </message>
    <message>
        <source>Forget me…</source>
        <translation>Mich vergessen…</translation>
    </message>
    <message>
        <source>Erase your whole profile, here and upstream. No undo.</source>
        <translation>Ihr gesamtes Profil löschen, hier und beim Sammelserver. Nicht umkehrbar.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <extracomment>One of ``export``, ``import``, ``delete``, ``forget``: the user asked for that dialog. Labels and group boxes whose text never changes but with the language.</extracomment>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Everything Confidant keeps is on this computer, encrypted. Here you can see what is stored, change what you agreed to, and choose how long things are kept.</source>
        <translation>Alles, was Confidant aufbewahrt, liegt verschlüsselt auf diesem Computer. Hier sehen Sie, was gespeichert ist, ändern, wozu Sie eingewilligt haben, und wählen, wie lange etwas aufbewahrt wird.</translation>
    </message>
    <message>
        <source>Privacy dashboard sections</source>
        <translation>Bereiche der Datenschutzübersicht</translation>
    </message>
    <message>
        <source>Stored data and consents</source>
        <translation>Gespeicherte Daten und Einwilligungen</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Ihre Daten</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Privacy log</source>
        <translation>Datenschutzprotokoll</translation>
    </message>
    <message>
        <source>Network and notices</source>
        <translation>Netzwerk und Hinweise</translation>
    </message>
    <message>
        <source>What is stored</source>
        <translation>Was gespeichert ist</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Approx. size</source>
        <translation>Ca. Größe</translation>
    </message>
    <message>
        <source>Sizes are estimates of the data inside the database. Every row is encrypted on disk; nothing here is sent anywhere.</source>
        <translation>Die Größen sind Schätzungen der Daten in der Datenbank. Jede Zeile ist auf dem Datenträger verschlüsselt; nichts davon wird irgendwohin gesendet.</translation>
    </message>
    <message>
        <source>Your consents</source>
        <translation>Ihre Einwilligungen</translation>
    </message>
    <message>
        <source>Everything is off until you turn it on. One click turns a consent on, and one click turns it off again.</source>
        <translation>Alles ist aus, bis Sie es einschalten. Ein Klick schaltet eine Einwilligung ein, ein Klick schaltet sie wieder aus.</translation>
    </message>
    <message>
        <source>Take your data with you, or erase it</source>
        <translation>Ihre Daten mitnehmen oder löschen</translation>
    </message>
    <message>
        <source>Last export</source>
        <translation>Letzter Export</translation>
    </message>
    <message>
        <source>Deletions on this computer</source>
        <translation>Löschungen auf diesem Computer</translation>
    </message>
    <message>
        <source>Deletion requests sent upstream, and their receipts</source>
        <translation>An den Sammelserver gesendete Löschanträge und ihre Quittungen</translation>
    </message>
    <message>
        <source>How long things are kept</source>
        <translation>Wie lange etwas aufbewahrt wird</translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation>Aufbewahren für</translation>
    </message>
    <message>
        <source>Next deletion</source>
        <translation>Nächste Löschung</translation>
    </message>
    <message>
        <source>Upcoming deletions (the next 12 months)</source>
        <translation>Anstehende Löschungen (die nächsten 12 Monate)</translation>
    </message>
    <message>
        <source>Every privacy event is recorded here: consents, saved and deleted conversations, purges, uploads. Only counts and ids are kept, never what you wrote.</source>
        <translation>Hier wird jedes datenschutzrelevante Ereignis festgehalten: Einwilligungen, gespeicherte und gelöschte Unterhaltungen, Bereinigungen, Uploads. Es werden nur Anzahlen und Kennungen aufbewahrt, nie das, was Sie geschrieben haben.</translation>
    </message>
    <message>
        <source>Network log</source>
        <translation>Netzwerkprotokoll</translation>
    </message>
    <message>
        <source>Every request Confidant made: where it went and how many bytes went each way. What was sent is never logged.</source>
        <translation>Jede Anfrage, die Confidant gestellt hat: wohin sie ging und wie viele Bytes in jede Richtung flossen. Was gesendet wurde, wird nie protokolliert.</translation>
    </message>
    <message>
        <source>Security notices</source>
        <translation>Sicherheitshinweise</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nothing deleted yet.</source>
        <translation>Noch nichts gelöscht.</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Beantragt</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Quittung</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>No deletion requests.</source>
        <translation>Keine Löschanträge.</translation>
    </message>
    <message>
        <source>Deletion receipts</source>
        <translation>Löschquittungen</translation>
    </message>
    <message>
        <source>Search the privacy log</source>
        <translation>Datenschutzprotokoll durchsuchen</translation>
    </message>
    <message>
        <source>Search the privacy log, e.g. consent or purge</source>
        <translation>Datenschutzprotokoll durchsuchen, z. B. nach consent oder purge</translation>
    </message>
    <message>
        <source>No event matches.</source>
        <translation>Kein Ereignis passt.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Confidant has not made a single request.</source>
        <translation>Confidant hat noch keine einzige Anfrage gestellt.</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>No security notices.</source>
        <translation>Keine Sicherheitshinweise.</translation>
    </message>
    <message>
        <source>Check for notices now</source>
        <translation>Jetzt nach Hinweisen sehen</translation>
    </message>
    <message>
        <source>This is fixed: it is as short as the feature allows.</source>
        <translation>Das ist fest eingestellt: so kurz, wie die Funktion es zulässt.</translation>
    </message>
    <message>
        <source>Keep for: {data}</source>
        <translation>Aufbewahren für: {data}</translation>
    </message>
</context>
<context>
    <name>PrivacyDashboardController</name>
    <message>
        <source>Keeping conversations</source>
        <extracomment>How long typing in the audit search waits before it searches. What each consent scope is called in the receipts&apos; table (translated when shown).</extracomment>
        <translation>Unterhaltungen aufbewahren</translation>
    </message>
    <message>
        <source>Sharing for training</source>
        <translation>Teilen fürs Training</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>Forschung</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <extracomment>What a deletion request&apos;s state is called (translated when shown).</extracomment>
        <translation>Wartet auf das Senden</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Off: child mode keeps sharing off, and it cannot be turned on.</source>
        <extracomment>Why a sharing switch cannot be used in child mode, not even with the PIN (translated when shown).</extracomment>
        <translation>Ausgeschaltet: Der Kindermodus hält das Teilen ausgeschaltet, es lässt sich nicht einschalten.</translation>
    </message>
    <message>
        <source>On since {when} (you agreed to version {version}).</source>
        <translation>Eingeschaltet seit {when} (Sie haben Version {version} zugestimmt).</translation>
    </message>
    <message>
        <source>Off: this text changed since you agreed. Turn it on to agree to this version.</source>
        <translation>Ausgeschaltet: Dieser Text hat sich geändert, seit Sie zugestimmt haben. Schalten Sie sie ein, um dieser Version zuzustimmen.</translation>
    </message>
    <message>
        <source>Off since {when}.</source>
        <translation>Ausgeschaltet seit {when}.</translation>
    </message>
    <message>
        <source>Off. Nothing is done with this until you turn it on.</source>
        <translation>Ausgeschaltet. Damit geschieht nichts, bis Sie sie einschalten.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>You have not exported your data yet.</source>
        <translation>Sie haben Ihre Daten noch nicht exportiert.</translation>
    </message>
    <message>
        <source>Unknown format</source>
        <translation>Unbekanntes Format</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <source>{when}: {format}, {protection}, {conversations}, {messages}. (Where the file went is not recorded.)</source>
        <translation>{when}: {format}, {protection}, {conversations}, {messages}. (Wo die Datei gespeichert wurde, wird nicht festgehalten.)</translation>
    </message>
    <message>
        <source>Your previous profile was erased (its receipt could not be read).</source>
        <extracomment>The user asked for a Data dialog: ``export``, ``import``, ``delete`` or ``forget``.</extracomment>
        <translation>Ihr vorheriges Profil wurde gelöscht (seine Quittung konnte nicht gelesen werden).</translation>
    </message>
    <message>
        <source>Your previous profile was erased on {when}: {conversations} and {messages} deleted.</source>
        <translation>Ihr vorheriges Profil wurde am {when} gelöscht: {conversations} und {messages} gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%n deletion request(s) waiting to be confirmed upstream.</source>
        <translation>
            <numerusform>%n Löschantrag wartet noch auf Bestätigung durch den Sammelserver.</numerusform>
            <numerusform>%n Löschanträge warten noch auf Bestätigung durch den Sammelserver.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypted database files on disk: {size}</source>
        <translation>Verschlüsselte Datenbankdateien auf dem Datenträger: {size}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Each bar is a day on which stored items reach the end of the time you chose and are deleted; a taller bar deletes more that day.</source>
        <translation>Jeder Balken ist ein Tag, an dem gespeicherte Einträge das Ende der gewählten Aufbewahrungsdauer erreichen und gelöscht werden; ein höherer Balken löscht an dem Tag mehr.</translation>
    </message>
    <message>
        <source>Expired data is deleted when Confidant starts and every hour after that. Last run: {when}.</source>
        <translation>Abgelaufene Daten werden beim Start von Confidant und danach stündlich gelöscht. Zuletzt: {when}.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nie</translation>
    </message>
    <message numerus="yes">
        <source>%n matching event(s)</source>
        <translation>
            <numerusform>%n passendes Ereignis</numerusform>
            <numerusform>%n passende Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) (newest first)</source>
        <translation>
            <numerusform>%n Ereignis (neueste zuerst)</numerusform>
            <numerusform>%n Ereignisse (neueste zuerst)</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Notices are checked only when an upload collector is set up (Outbox page) and you share data or turned on checking for notices.</source>
        <translation>Hinweise werden nur abgerufen, wenn ein Sammelserver eingerichtet ist (Seite „Postausgang“) und Sie Daten teilen oder das Abrufen von Hinweisen eingeschaltet haben.</translation>
    </message>
    <message>
        <source>The collector could not be reached. Nothing changed.</source>
        <translation>Der Sammelserver war nicht erreichbar. Es hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>The notices were not signed correctly, so they were ignored.</source>
        <translation>Die Hinweise waren nicht korrekt signiert und wurden deshalb ignoriert.</translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n new.</source>
        <translation>
            <numerusform>Abgerufen: %n neuer Hinweis.</numerusform>
            <numerusform>Abgerufen: %n neue Hinweise.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked: nothing new.</source>
        <translation>Abgerufen: nichts Neues.</translation>
    </message>
</context>
<context>
    <name>ProviderController</name>
    <message>
        <source>Filled in from this computer; Save to use it.</source>
        <extracomment>The chosen provider or its settings changed (the status bar names it again).</extracomment>
        <translation>Von diesem Computer übernommen; Speichern, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>A key is kept in your system keyring.</source>
        <translation>Ein Schlüssel ist im Schlüsselbund Ihres Systems gespeichert.</translation>
    </message>
    <message>
        <source>No key is stored (required).</source>
        <translation>Es ist kein Schlüssel gespeichert (erforderlich).</translation>
    </message>
    <message>
        <source>No key is stored (optional; local servers need none).</source>
        <translation>Es ist kein Schlüssel gespeichert (optional; lokale Server brauchen keinen).</translation>
    </message>
    <message>
        <source>Runs on this computer; nothing you type leaves it.</source>
        <translation>Läuft auf diesem Computer; nichts, was Sie eingeben, verlässt ihn.</translation>
    </message>
    <message>
        <source>{provider}: runs on this computer.</source>
        <translation>{provider}: läuft auf diesem Computer.</translation>
    </message>
    <message>
        <source>{provider}: your messages leave this computer for it.</source>
        <translation>{provider}: Ihre Nachrichten verlassen dafür diesen Computer.</translation>
    </message>
    <message>
        <source>e.g. {model}</source>
        <translation>z. B. {model}</translation>
    </message>
    <message>
        <source>Paste a key to store it in your keyring</source>
        <translation>Fügen Sie einen Schlüssel ein, um ihn im Schlüsselbund zu speichern</translation>
    </message>
    <message>
        <source>Not saved yet: press Save to use this assistant.</source>
        <translation>Noch nicht gespeichert: Wählen Sie „Speichern“, um diesen Assistenten zu verwenden.</translation>
    </message>
    <message>
        <source>Saved. The assistant is now {provider}.</source>
        <translation>Gespeichert. Der Assistent ist jetzt {provider}.</translation>
    </message>
    <message>
        <source>Not saved: changing the assistant needs the guardian&apos;s PIN.</source>
        <translation>Nicht gespeichert: Zum Wechseln des Assistenten ist die Eltern-PIN nötig.</translation>
    </message>
    <message>
        <source>The key was kept: removing it needs the guardian&apos;s PIN.</source>
        <translation>Der Schlüssel wurde behalten: Zum Entfernen ist die Eltern-PIN nötig.</translation>
    </message>
    <message>
        <source>The stored key was removed from your keyring.</source>
        <translation>Der gespeicherte Schlüssel wurde aus Ihrem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Private prompts are on.</source>
        <translation>Private Prompts sind eingeschaltet.</translation>
    </message>
    <message>
        <source>Private prompts are off.</source>
        <translation>Private Prompts sind ausgeschaltet.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Not tested: testing the assistant needs the guardian&apos;s PIN.</source>
        <translation>Nicht getestet: Zum Testen des Assistenten ist die Eltern-PIN nötig.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s base URL first.</source>
        <translation>Geben Sie zuerst die Basis-URL des Servers ein.</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>Assistant</source>
        <extracomment>The form&apos;s row labels, by the field they name.</extracomment>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Choose the assistant you talk to. The offline demo never uses the network. A server on this computer (Ollama, llama.cpp, LM Studio) keeps your messages here; any other sends them over HTTPS. API keys are kept in your system keyring, never in Confidant&apos;s files.</source>
        <translation>Wählen Sie den Assistenten, mit dem Sie sprechen. Die Offline-Demo nutzt nie das Netzwerk. Ein Server auf diesem Computer (Ollama, llama.cpp, LM Studio) behält Ihre Nachrichten hier; jeder andere erhält sie über HTTPS. API-Schlüssel werden im Schlüsselbund Ihres Systems aufbewahrt, nie in den Dateien von Confidant.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Gespeicherten Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Private prompts</source>
        <translation>Private Prompts</translation>
    </message>
    <message>
        <source>Private prompts: replace names, e-mail addresses, phone numbers, bank details and other personal details with placeholders before a message leaves. The assistant&apos;s reply shows the originals again, on this computer only.</source>
        <translation>Private Prompts: Namen, E-Mail-Adressen, Telefonnummern, Bankdaten und andere persönliche Angaben werden durch Platzhalter ersetzt, bevor eine Nachricht gesendet wird. Die Antwort des Assistenten zeigt wieder die Originale, nur auf diesem Computer.</translation>
    </message>
    <message>
        <source>Child mode keeps private prompts on.</source>
        <translation>Der Kindermodus hält private Prompts eingeschaltet.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>kept in your system keyring</source>
        <extracomment>Where the key is, by key mode (translated when shown).</extracomment>
        <translation>der im Schlüsselbund Ihres Systems aufbewahrt wird</translation>
    </message>
    <message>
        <source>protected by your passphrase</source>
        <translation>der durch Ihre Passphrase geschützt ist</translation>
    </message>
    <message>
        <source>Done. Your store is encrypted with a new key, and the old key is gone.</source>
        <extracomment>What the dialog says once the key is changed (translated when shown).</extracomment>
        <translation>Fertig. Ihr Speicher ist mit einem neuen Schlüssel verschlüsselt, und der alte Schlüssel ist weg.</translation>
    </message>
    <message>
        <source>Change encryption key</source>
        <translation>Verschlüsselungsschlüssel wechseln</translation>
    </message>
    <message>
        <source>Change the encryption key</source>
        <translation>Den Verschlüsselungsschlüssel wechseln</translation>
    </message>
    <message>
        <source>Your profile is encrypted with a random key, {where}. Changing it re-encrypts the whole store under a new random key and then replaces the old key, which no longer opens anything. Do this if you think the key may have been seen, for example if a backup of your keyring went astray. Your conversations and settings stay as they are.</source>
        <translation>Ihr Profil ist mit einem Zufallsschlüssel verschlüsselt, {where}. Beim Wechsel wird der gesamte Speicher mit einem neuen Zufallsschlüssel neu verschlüsselt und danach der alte Schlüssel ersetzt, der dann nichts mehr öffnet. Tun Sie das, wenn der Schlüssel in fremde Hände geraten sein könnte, etwa wenn eine Sicherung Ihres Schlüsselbunds abhandengekommen ist. Ihre Unterhaltungen und Einstellungen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Once it has started it cannot be cancelled: stopping half way could leave the store unreadable. It takes a moment for a large profile; keep Confidant open until it is done.</source>
        <translation>Einmal begonnen, lässt sich der Vorgang nicht abbrechen: Ein Abbruch mittendrin könnte den Speicher unlesbar machen. Bei einem großen Profil dauert es einen Moment; lassen Sie Confidant geöffnet, bis es fertig ist.</translation>
    </message>
    <message>
        <source>Re-encrypting progress</source>
        <translation>Fortschritt der Neuverschlüsselung</translation>
    </message>
    <message>
        <source>Change the key</source>
        <translation>Schlüssel wechseln</translation>
    </message>
    <message>
        <source>Re-encrypting your store… This cannot be cancelled.</source>
        <translation>Ihr Speicher wird neu verschlüsselt… Das lässt sich nicht abbrechen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>You</source>
        <extracomment>Who wrote a message, by role (translated when listed).</extracomment>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search conversations</source>
        <extracomment>How long typing pauses before the search runs.</extracomment>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Finds words in the conversations kept on this computer. Temporary chats and conversations that were not kept cannot be found: they were never stored.</source>
        <translation>Findet Wörter in den Unterhaltungen, die auf diesem Computer aufbewahrt werden. Temporäre Chats und nicht aufbewahrte Unterhaltungen lassen sich nicht finden: Sie wurden nie gespeichert.</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Suchen nach</translation>
    </message>
    <message>
        <source>Words to find</source>
        <translation>Gesuchte Wörter</translation>
    </message>
    <message>
        <source>Matching messages</source>
        <translation>Passende Nachrichten</translation>
    </message>
    <message>
        <source>Search result count</source>
        <translation>Anzahl der Suchergebnisse</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>{title} · {when}
{speaker}: {snippet}</source>
        <translation>{title} · {when}
{speaker}: {snippet}</translation>
    </message>
    <message numerus="yes">
        <source>%n matching message(s). Enter opens one.</source>
        <translation>
            <numerusform>%n passende Nachricht. Die Eingabetaste öffnet sie.</numerusform>
            <numerusform>%n passende Nachrichten. Die Eingabetaste öffnet eine.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing stored matches.</source>
        <translation>Nichts Gespeichertes passt.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Confidant could not open your profile.</source>
        <extracomment>Start opening even if the window was never painted (minimised, or no compositor). Exit status when the user quits from a dialog, and when the profile cannot be opened. What the window says when the profile cannot be opened (translated when shown).</extracomment>
        <translation>Confidant konnte Ihr Profil nicht öffnen.</translation>
    </message>
</context>
<context>
    <name>StoreErrorDialog</name>
    <message>
        <source>Confidant left your data file exactly as it was.</source>
        <translation>Confidant hat Ihre Datendatei genau so gelassen, wie sie war.</translation>
    </message>
    <message>
        <source>Your data file is damaged (pages {pages})</source>
        <translation>Ihre Datendatei ist beschädigt (Seiten {pages})</translation>
    </message>
    <message>
        <source>Your data file is damaged</source>
        <translation>Ihre Datendatei ist beschädigt</translation>
    </message>
    <message>
        <source>Restore the file confidant.db in the profile folder from a backup, then start Confidant again. {untouched}</source>
        <translation>Stellen Sie die Datei confidant.db im Profilordner aus einer Sicherung wieder her und starten Sie Confidant dann erneut. {untouched}</translation>
    </message>
    <message>
        <source>The key for your data is missing or wrong</source>
        <translation>Der Schlüssel zu Ihren Daten fehlt oder ist falsch</translation>
    </message>
    <message>
        <source>Restore Confidant&apos;s entry in your system keyring (service “confidant”), for example from a backup of your keyring, then start Confidant again. {untouched}</source>
        <translation>Stellen Sie den Eintrag von Confidant im Schlüsselbund Ihres Systems (Dienst „confidant“) wieder her, etwa aus einer Sicherung Ihres Schlüsselbunds, und starten Sie Confidant dann erneut. {untouched}</translation>
    </message>
    <message>
        <source>Your data was written by a newer version of Confidant</source>
        <translation>Ihre Daten wurden von einer neueren Version von Confidant geschrieben</translation>
    </message>
    <message>
        <source>Update Confidant to the newest version, then start it again. {untouched}</source>
        <translation>Aktualisieren Sie Confidant auf die neueste Version und starten Sie es dann erneut. {untouched}</translation>
    </message>
    <message>
        <source>Your system keyring cannot be used</source>
        <translation>Der Schlüsselbund Ihres Systems kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Start or unlock your system keyring, then start Confidant again. {untouched}</source>
        <translation>Starten oder entsperren Sie den Schlüsselbund Ihres Systems und starten Sie Confidant dann erneut. {untouched}</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <source>Free some space on the disk, then start Confidant again.</source>
        <translation>Geben Sie Speicherplatz auf dem Datenträger frei und starten Sie Confidant dann erneut.</translation>
    </message>
    <message>
        <source>Your profile is locked</source>
        <translation>Ihr Profil ist gesperrt</translation>
    </message>
    <message>
        <source>Start Confidant again and enter your passphrase.</source>
        <translation>Starten Sie Confidant erneut und geben Sie Ihre Passphrase ein.</translation>
    </message>
    <message>
        <source>Your profile could not be opened</source>
        <translation>Ihr Profil konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Check that the profile folder exists and belongs to you, then start Confidant again.</source>
        <translation>Prüfen Sie, ob der Profilordner existiert und Ihnen gehört, und starten Sie Confidant dann erneut.</translation>
    </message>
    <message>
        <source>Confidant cannot open your profile</source>
        <translation>Confidant kann Ihr Profil nicht öffnen</translation>
    </message>
    <message>
        <source>What you can do: {advice}</source>
        <translation>Was Sie tun können: {advice}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Profile folder: {folder}</source>
        <translation>Profilordner: {folder}</translation>
    </message>
    <message>
        <source>Open profile folder</source>
        <translation>Profilordner öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>SupportNote</name>
    <message>
        <source>A list your guardian can edit</source>
        <extracomment>Says whose list it is, so a child knows a grown-up chose it and can change it (translated when shown).</extracomment>
        <translation>Eine Liste, die deine Eltern bearbeiten können</translation>
    </message>
    <message>
        <source>Help if something is worrying you</source>
        <extracomment>A heading of any level: shown as a small one, so the note does not shout.</extracomment>
        <translation>Hilfe, wenn dich etwas bedrückt</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide the help list</source>
        <translation>Die Hilfeliste ausblenden</translation>
    </message>
    <message>
        <source>Your guardian chose this list and can change it in: {file}</source>
        <translation>Deine Eltern haben diese Liste ausgewählt und können sie hier ändern: {file}</translation>
    </message>
</context>
<context>
    <name>SystemPromptEditor</name>
    <message>
        <source>Default system prompt</source>
        <translation>Standard-Systemprompt</translation>
    </message>
    <message>
        <source>What new conversations tell the assistant first (each conversation can change its own in the chat). Kept encrypted; empty means none.</source>
        <translation>Was neue Gespräche dem Assistenten zuerst sagen (jedes Gespräch kann seinen eigenen im Chat ändern). Verschlüsselt gespeichert; leer bedeutet keiner.</translation>
    </message>
    <message>
        <source>Save system prompt</source>
        <translation>Systemprompt speichern</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Private prompts were off: the assistant saw your message as written.</source>
        <extracomment>Caption over the prompt as sent, by (private prompts on, the assistant saw it as written). Translated when shown, so a caption follows a change of language.</extracomment>
        <translation>Private Prompts waren ausgeschaltet: Der Assistent hat Ihre Nachricht so gesehen, wie Sie sie geschrieben haben.</translation>
    </message>
    <message>
        <source>No personal details were found: the assistant saw your message as written.</source>
        <translation>Es wurden keine persönlichen Angaben gefunden: Der Assistent hat Ihre Nachricht so gesehen, wie Sie sie geschrieben haben.</translation>
    </message>
    <message>
        <source>The assistant saw placeholders instead of your personal details:</source>
        <translation>Der Assistent hat statt Ihrer persönlichen Angaben Platzhalter gesehen:</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Conversations already kept</source>
        <translation>Bereits aufbewahrte Unterhaltungen</translation>
    </message>
    <message>
        <source>New conversations are no longer kept.</source>
        <translation>Neue Unterhaltungen werden nicht mehr aufbewahrt.</translation>
    </message>
    <message numerus="yes">
        <source>You have %n stored conversation(s). Keep them until their scheduled deletion, or delete them now? Deleting cannot be undone.</source>
        <translation>
            <numerusform>Sie haben %n gespeicherte Unterhaltung. Möchten Sie sie bis zu ihrer geplanten Löschung behalten oder jetzt löschen? Das Löschen lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>Sie haben %n gespeicherte Unterhaltungen. Möchten Sie sie bis zu ihrer geplanten Löschung behalten oder jetzt löschen? Das Löschen lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Delete them now</source>
        <translation>Jetzt löschen</translation>
    </message>
</context>
</TS>
