<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AppLockController</name>
    <message>
        <source>&amp;Lock now</source>
        <extracomment>How many input events arrived while watching (a postponed lock compares it). Replaces the idle time of the setting (tests use a short one). A lock is waiting for work to finish: &quot;idle&quot; or &quot;manual&quot; (None: none waits).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close your data now; opening it again needs the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant will lock as soon as the work under way is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Confidant; your data was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppLockDialog</name>
    <message>
        <source>Turn on the app lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off the app lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock Confidant with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off the app lock?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening Confidant will need this passphrase, and Confidant will lock itself when it has not been used for a while. Your key stays in the system keyring, wrapped under the passphrase. If you forget it, nobody can recover your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without the app lock, anyone who can use your computer account can open Confidant. Enter your passphrase to turn it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the app lock on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the app lock off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppLockSettings</name>
    <message>
        <source>Never lock by itself</source>
        <extracomment>How often a postponed lock looks again whether the work it waits for is done. What counts as the user being there. The idle times offered in Preferences, in minutes (0: never).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After {minutes} without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile is in passphrase mode: opening it always needs the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app lock is on: opening Confidant needs your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app lock is off: anyone using your computer account can open Confidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off the app lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on the app lock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: child mode needs the guardian&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app lock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app lock is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Confidant; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App lock: {idle}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AvatarPreview</name>
    <message>
        <source>Avatar: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar: your image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundJobs</name>
    <message>
        <source>Deleting expired data…</source>
        <extracomment>One stage of a job: ``fn(service, previous stage&apos;s result, progress, cancel)``; on the DB lane, or (``io``) on the I/O pool, where it must not touch the database.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting what is past the date you chose to keep it. This is not stopped part way: nothing may be kept longer than you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending approved items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending what you approved to the collector. Cancel stops it between requests; what was not sent waits in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for security notices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One request to the collector for signed security notices.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatClientController</name>
    <message>
        <source>System prompt: {text}</source>
        <extracomment>The provider whose models the picker lists: (name, base URL). The last conversation the sidebar was asked to open (selected once listed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system prompt for this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the assistant is told before this conversation. With private prompts, personal details in it are replaced too. The default for new conversations is in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit and send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply to this message, and everything after it, will be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatHeader</name>
    <message>
        <source>Conversation title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the assistant is told before this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again for the last reply; the new one replaces it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <extracomment>What the prompt box says instead of how to type (None: how to type). The helplines note, once child mode has needed it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your conversation appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the reply; what has arrived is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this conversation is or is not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a message. Enter sends, Shift+Enter adds a line.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildBadge</name>
    <message>
        <source>Child mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A grown-up turned this on: your chats are not saved or shared.</source>
        <extracomment>One line a child can read. It promises only what the policy enforces in the core: no conversation is stored, and nothing is shared for training or research.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} is on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildModeIndicator</name>
    <message>
        <source>Child mode</source>
        <extracomment>Dynamic properties a badge keeps about how it was placed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationSidebar</name>
    <message>
        <source>New chat</source>
        <extracomment>How long the filter waits after the last key before it asks (ms). The filter&apos;s text, once the user paused typing (&apos;&apos; lists everything). The rename or delete question on show (non-modal to the app, modal to the window).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter conversations (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary, not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{title}” for good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its messages, its search entries and its placeholders are erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was not kept; it goes from this list now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoreLabel</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonym vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation turns replaced (edit or regenerate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored conversations deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention schedule changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired data deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption key replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported plaintext originals deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App lock changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item queued for upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload refused by the gate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload item dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload item discarded by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion requested upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion confirmed upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion request refused upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security notices received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security notices rejected (bad signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private prompts turned on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow and clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the assistant calls you (a nickname)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your picture: a built-in one, or your own image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice used to read replies aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light, dark, or the system&apos;s theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the privacy checkup asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the privacy checkup was last done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline demo (local, no network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible (OpenAI, Ollama, llama.cpp, LM Studio, vLLM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Confidant: internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant ran into an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a bug in Confidant, not something you did. The report below says which error it was and where in Confidant&apos;s code it happened. Your messages, names, files and settings are left out of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been sent, and nothing will be: Confidant has no way to send this report. If you want to tell us about the bug, copy the report and paste it into your message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the report to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataController</name>
    <message>
        <source>Your profile was erased. Start Confidant again for a fresh one.</source>
        <extracomment>The reason the main window gives once the profile is gone (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Confidant export</source>
        <extracomment>Names of what the texts below speak of, by key (each translated where it is shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a ChatGPT export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Claude export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jan&apos;s chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LM Studio&apos;s chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an Open WebUI export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy log events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymization notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing for training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {conversations} ({messages}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older than your retention period ({days} days): {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On sensitive topics: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported before (skipped, no duplicates): {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts that could not be imported leave a marker: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be read, skipped: {position} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {count} file(s). Receipt {receipt}, {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept {path}: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted with your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to {path}
{size}, {conversations}, {messages}, {protection}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {conversations} ({messages}) from {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out as sensitive: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out as expired (older than you keep conversations): {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences restored: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already imported before, skipped: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be read, skipped: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files in the profile folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream: nothing had been shared, so there was nothing to delete there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deletion confirmed by the collector (receipt {receipt})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the collector refused the deletion request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deletion requested; not confirmed yet, it will be sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream, {scope}: {answer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant erasure receipt, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request {id}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <extracomment>The Data dialog on screen, if any, and which one it is.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n conversation(s), for good.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the key did not finish. Nothing was lost: the next start opens the store with whichever key works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget me did not complete (an internal error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored now: {conversations} ({messages}), and everything listed above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <source>&amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export your data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything Confidant keeps to one file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in conversations from a Confidant, ChatGPT or Claude export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete one conversation, those from a date range, or all of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget me…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase your whole profile, here and upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change encryption &amp;key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypt your profile under a new random key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefaultSystemPromptController</name>
    <message>
        <source>Saved. New conversations start with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. New conversations start without a system prompt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Untitled conversation</source>
        <extracomment>The date range offered first: the last 30 days.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — {when}, {messages}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted conversations are gone for good: their messages, their search index entries and anything derived from them (anonymization notes, items waiting in the outbox).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;One conversation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those last active &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All stored conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <comment>between two dates</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand that deleted conversations cannot be recovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This deletes all %n stored conversation(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This deletes %n conversation(s) last active from {first} to {last}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This deletes the conversation above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored conversation matches: nothing would be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeletionTimeline</name>
    <message>
        <source>Timeline of upcoming deletions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{lane}: %n due, the first on {day}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{lane}: nothing due in the next %n days</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorRow</name>
    <message>
        <source>What went wrong</source>
        <extracomment>How often a streaming reply is re-rendered, at most (ms). The longest the transcript works in one go when loading or measuring (ms). Space around the column of messages, and between two messages (pixels). How often the scroll range catches up while heights are being measured (s). Messages this far (pixels) above and below the viewport get a widget too.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the same message again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>JSON: one machine-readable file</source>
        <extracomment>The formats offered, in order (their descriptions are translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip: the JSON file plus a readable copy of each conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file with everything Confidant keeps: your conversations, preferences, consents, the privacy log, retention settings, the outbox and deletion receipts. Keys and passwords are never included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for no encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a passphrase this file is NOT protected: anyone who gets a copy of it can read every conversation in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file will be encrypted with this passphrase. Nobody can read it without the passphrase, and it cannot be recovered if you forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Confidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only your preferences are stored. They are encrypted on this computer, with a key that is kept in your system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your conversations are not stored. Confidant keeps them only if you agree to that later, and you can change your mind at any time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is sent anywhere. The assistant you start with is an offline demo that runs on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForgetMeDialog</name>
    <message>
        <source>DELETE</source>
        <extracomment>What the user types to enable the Forget button, exactly (case and spaces count); each language has its own word (translated when the dialog is made).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase everything, here and upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget me erases your whole profile. It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer: every stored conversation and message with its search index, your preferences, your consent records, the privacy log, the outbox, the anonymization notes and the network log; the encryption key in your system keyring; and the profile folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream: if you shared anything for training or research, those consents are withdrawn and the collector is asked to delete everything it received from you. The receipt shows its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Want a copy first? Close this and use Data › Export your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {word} to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {word} to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile has been erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Confidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased on {when}. The receipt holds counts, never content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A deletion request could not be delivered yet. A new, empty profile keeps it and this receipt, and sends it again until the collector confirms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of your profile is left on this computer. Confidant closes now; start it again to begin with a fresh, empty profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Nothing stored</source>
        <extracomment>The counted words, for every module (translating is safe on any thread).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardianGate</name>
    <message>
        <source>Guardian PIN needed</source>
        <extracomment>What a PIN dialog asks when it guards a change the core refused (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock and test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardianPage</name>
    <message>
        <source>Set up child mode…</source>
        <extracomment>The child-mode button&apos;s two texts (marked here, translated where they are shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn child mode off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <extracomment>Whether child mode is on, once the controller has said (None: not known yet).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For parents and guardians: turn child mode on or off, and read how to protect a child&apos;s privacy with Confidant, what child mode does and does not do, and how to review, export and delete your child&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock settings now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock guardian settings now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the PIN is entered, settings stay open for 5 minutes. Lock them at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot the PIN? Nothing can bypass it: the only way out is to erase this profile&apos;s data with Forget me, which also turns child mode off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget me…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget me: erase this profile&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian resources sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helplines (a list you can edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide for parents and guardians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helplines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardianPageController</name>
    <message>
        <source>Child mode is off. Set it up to keep nothing, share nothing and protect your child&apos;s personal details; its settings then need your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode is on since {when}. Changing its settings, or turning it off, needs your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode is on. Changing its settings, or turning it off, needs your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After too many wrong PINs, no PIN is checked until {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a message touches a sensitive topic, child mode shows your child this list. It is a list you can edit: change the file {file} to suit your country and family.</source>
        <extracomment>The user asked for a Data dialog (``forget``, for a forgotten PIN).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning child mode off needs the guardian&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn child mode off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode is off. Settings no longer need a PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings are locked: the next change needs the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuardianSetupDialog</name>
    <message>
        <source>I am this child&apos;s parent or guardian and I agree</source>
        <extracomment>The agreement&apos;s tick box (marked here, translated where it is shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up child mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Choose a PIN or passphrase of at least %n digit(s) or character(s) that your child does not know. If you forget it, the only way out is to erase this profile&apos;s data (Forget me).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Guardian PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the guardian PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**Child mode** makes Confidant safer for a child: no conversation is kept, nothing is shared, personal details are removed from messages before they reach the assistant, and only a nickname, a built-in picture and the default voice are kept. Changing consents, the assistant or how long data is kept, and turning child mode off, need your PIN. A badge on every window tells your child that child mode is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It does **not** filter what the assistant says, show you your child&apos;s conversations, or protect against someone who knows the PIN. Your child can always see what is stored about them and delete it, without the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guardian&apos;s agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: leave child mode off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The PIN needs at least %n digit(s) or character(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The two PINs are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on child mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Find out from the file</source>
        <extracomment>The sources offered, in order (their names are translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ChatGPT export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claude export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jan (data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LM Studio (conversations folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open WebUI export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in conversations from an export: Confidant&apos;s own (which also restores your preferences), ChatGPT&apos;s or Claude&apos;s (the file or the whole zip), Open WebUI&apos;s, or the chats Jan and LM Studio keep in plaintext on this computer. First you see what the file holds; nothing is stored until you click Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conversations.json, or an export file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the file comes from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of an encrypted export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for an encrypted Confidant export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found &amp;here:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also keep conversations about sensitive topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left unticked, conversations that touch a sensitive topic (health, mental health, relationships, money, sexuality, religion, politics) are left out, as they would not be kept if you had them in Confidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them for my retention period counted from today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the retention period from their original dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted from their original dates, conversations older than your retention period are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, delete these plaintext files for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what&apos;s inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports (*.json *.zip *.enc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what&apos;s inside the file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These plaintext files now hold only conversations verified in Confidant. You may delete them:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Background job progress</source>
        <extracomment>A job that is over sooner than this never shows a bar (no flicker for quick jobs).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: {job}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringDialog</name>
    <message>
        <source>No secure keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant cannot use a system keyring here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant keeps the key to your encrypted data in your system keyring, such as GNOME Keyring or KWallet. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can protect your data with a passphrase instead. You will type it each time Confidant starts, and if you forget it, nobody can recover your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or quit now, set up a system keyring, and start Confidant again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a passphrase instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalServerController</name>
    <message>
        <source>The search did not finish; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalServerFinder</name>
    <message>
        <source>Find assistants on this computer</source>
        <extracomment>The user clicked &quot;Find assistants on this computer&quot;. The user chose to use a server: (its base URL, the model chosen).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks this computer only (127.0.0.1) whether Ollama, LM Studio, llama.cpp, Jan or vLLM is running, at their usual ports. Each question is in the network log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant found on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the settings above; Save keeps them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking on this computer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} at 127.0.0.1:{port}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Found %n assistant(s) on this computer.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No assistant answered on this computer. Is it running?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Confidant locked itself because it was not used for a while.</source>
        <extracomment>Why the window is locked, by what locked it (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You locked Confidant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Your key was removed from memory. Conversations that were not saved were closed; saved ones are kept, encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Confidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the passphrase was not taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. The reply so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut off: this reply did not finish, and is not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered. You can send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped before the assistant answered; nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, encrypted</source>
        <extracomment>The notes a message in the transcript can carry, so they follow a change of language. The status bar&apos;s verdict, by SaveStatus name (the core&apos;s value, in the interface language).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive — not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on this computer, encrypted, until its scheduled deletion.</source>
        <extracomment>Why a conversation is or is not kept, by SaveStatus name (the status bar shows its verdict).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not kept: you have not agreed to keeping conversations. You can change that on the Privacy page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary chat: never kept, and never shared. It is gone when you close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation touches a sensitive topic, so it is not kept unless you allow it for this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not kept: child mode is on, so no chat is saved or shared.</source>
        <extracomment>Why nothing is kept in child mode (whatever consents were given before it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant is replying…</source>
        <extracomment>What the status bar says while a reply is under way.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether this conversation is kept on this computer. Conversations are kept only if you agree to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a conversation that is never kept and never shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find words in the conversations kept on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sensitive conversation is not kept unless you allow it, and is never shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this sensitive conversation after all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Confidant; your message was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <extracomment>Each chat action&apos;s (object name, text, status tip), in ``ChatActions`` order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Temporary chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search conversations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat as sens&amp;itive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Allow saving this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <extracomment>Emitted from closeEvent, before the window goes away. Emitted with the conversation id once a new chat can take input. Emitted with the page key each time a page is shown. Emitted with whether child mode is on, each time the window learns it (and at attach). Emitted with the conversation id once a stored conversation is on show. What controllers report to the shell. Made once a profile is attached (after the first paint). The tools that come with a profile (the banner, the checkup, Data, My data). The child-mode badge on this window and on every dialog (see child_indicator). The window&apos;s own central widget while the lock screen takes its place.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <extracomment>(key, navigation label, shortcut), in sidebar order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See what is stored about you, and delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the {page} page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the privacy dashboard ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline demo runs on this computer: nothing you type leaves it.</source>
        <extracomment>Where the assistant runs, by what the status says.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assistant runs on this computer: your messages do not leave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assistant runs elsewhere: your messages are sent to it over HTTPS. Private prompts replace your personal details first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assistant runs elsewhere: your messages are sent to it over HTTPS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkdownView</name>
    <message>
        <source>Copy</source>
        <extracomment>The words inside rendered Markdown (translated when rendered).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image, not loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>Show what the assistant saw</source>
        <extracomment>The toggle&apos;s text (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide what the assistant saw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <extracomment>GitHub&apos;s dialect, with any HTML in it shown as text rather than interpreted. Space above and below a message, and between its parts (pixels). The message on show (None while the widget waits in the pool). The speaker whose name the parts were last named after. Markdown in the body, and what a click on its Copy or link anchors does (issue 16).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this message and send it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt as the assistant received it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message from {speaker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message from {speaker}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>Model</source>
        <extracomment>The list is wanted: the user opened the picker (the controller asks the provider only when it has no list for it yet). The user chose this model for the conversation. Whether the provider&apos;s list has been filled in (else only the current model).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model this conversation uses; the list comes from the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyDataController</name>
    <message>
        <source>Keeping conversations</source>
        <extracomment>What each consent is called (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing to train the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing for research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own picture (kept without its hidden details)</source>
        <extracomment>The built-in picture&apos;s name (the core&apos;s, in English), or None for the user&apos;s own. (scope, granted) for each consent. The dialog on screen, if any.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{picture} (a built-in picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{conversations} (in child mode, chats are never kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{consent}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes that hide your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{agreements} ({records})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Privacy log</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s): what happened and when, never what you wrote</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Child mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on since {day}, set by a grown-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done: deleted %n kept conversation(s), and your nickname, picture and voice are back to how they started.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was deleted (an internal error).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyDataDialog</name>
    <message>
        <source>My data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is stored about you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All of it stays on this computer, locked with encryption.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my data removes your nickname, your picture, your voice choice and any kept conversations, straight away. You do not need a grown-up for this. What stays holds nothing you wrote: the child-mode settings, the record of what was agreed, and the privacy log (which notes that you deleted your data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Security notice</source>
        <extracomment>What is on show (severity, title, body, more), to say again in another language.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security notice ({severity}): {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more after this one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenLinkDialog</name>
    <message>
        <source>Open this link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply links to this address. It opens in your browser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link&apos;s full address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxController</name>
    <message>
        <source>To review</source>
        <extracomment>What an item&apos;s state and kind are called in the table (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <extracomment>The send under way, if any, by the token that stops it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You agreed to sharing for training and research.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You agreed to sharing for training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You agreed to research.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You share nothing: no item is prepared until you agree on the Privacy page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploads go to {url}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No collector is set up, so nothing is ever sent; items wait here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{review} waiting for review, {approved} approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last upload: {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n deletion request(s) still to be sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No collector is set up, so nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n item(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion request(s) answered.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) refused by the collector and dropped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be retried later.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped; what was not sent waits here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rest waits a minute (at most 15 requests a minute).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was due to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still wait(s) for your review.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the request on its way…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxEditDialog</name>
    <message>
        <source>Edit before it leaves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove or replace anything you do not want to share. Your edit is anonymized again before it is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text that would be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>Outbox</source>
        <extracomment>The form&apos;s row labels, each with the field it names (its buddy).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items prepared from your conversations, already anonymized, wait here before they leave. Each one shows exactly what would be sent. While review is on, nothing leaves until you approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items waiting to leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly what would be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to see exactly what would be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly what would be sent (before sealing):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let this item leave with the next send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove more from the text before it leaves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this item; it never leaves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the approved items to the collector now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops before the next request; one already on its way is finished. What was not sent waits here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was ever uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deletion requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload requests (never their content):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion requests and their receipts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced: upload settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collector address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collector key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collector&apos;s public sealing key (base64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key security notices are signed with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collector &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collector &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notice key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save upload settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review each item before it leaves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for security notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the collector for signed security notices every 12 hours, even when you share nothing. Each check is one request, listed in the network log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseCheck</name>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n character(s). You will type it each time Confidant starts. If you forget it, nobody can recover your data.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock Confidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data is protected by a passphrase. Enter it to open your profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Guardian PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is for a parent or guardian. If you are not one, press Cancel: nothing changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: change nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the guardian&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs, so PINs are not checked for a while. Try again in {wait}. Restarting Confidant or changing the clock does not shorten the wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can try the PIN again now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message>
        <source>In child mode only the built-in pictures can be chosen.</source>
        <extracomment>The image types offered when choosing an avatar (the labels are translated where shown). Why &quot;Choose image…&quot; is off in child mode (translated where it is shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own image</source>
        <extracomment>Child mode allows the built-in pictures only (the core refuses an upload). The app lock was turned on or off, or its idle time changed (an AppLockStatus).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a picture of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Display name saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an avatar image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar saved, without the image&apos;s hidden details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is too large (at most {limit} MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesPage</name>
    <message>
        <source>Preferences</source>
        <extracomment>The form&apos;s row labels, each with the control it names (its buddy).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your preferences are stored encrypted on this computer. Confidant never stores direct identifiers such as your e-mail address or phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nickname, e.g. Sam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the assistant calls you. E-mail addresses, phone numbers and web addresses are refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own image is shrunk and saved as a new picture: its location, camera and other hidden details are not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy checkup interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often Confidant reminds you to review what is stored and what you agreed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Avatar:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy &amp;checkup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the app lock on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this long without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock &amp;after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the app lock on, opening Confidant needs a passphrase, and Confidant locks itself when it has not been used for a while: your key leaves memory until you type the passphrase again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyCheckupController</name>
    <message>
        <source>{conversations} ({messages}), your preferences, your consent records and the privacy log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyCheckupDialog</name>
    <message>
        <source>Privacy checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time for a privacy checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s) Confidant asks you to look at what it keeps and what you agreed to. You can change anything on the Privacy page.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stored now: {stored}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents switched on: {consents}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDashboard</name>
    <message>
        <source>Export…</source>
        <extracomment>(key, button, explanation) for each data action, in the order shown (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save everything Confidant keeps to one file you can read anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in conversations from Confidant, ChatGPT or Claude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete one conversation, those from a date range, or all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget me…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase your whole profile, here and upstream. No undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <extracomment>One of ``export``, ``import``, ``delete``, ``forget``: the user asked for that dialog. Labels and group boxes whose text never changes but with the language.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything Confidant keeps is on this computer, encrypted. Here you can see what is stored, change what you agreed to, and choose how long things are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy dashboard sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored data and consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network and notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approx. size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes are estimates of the data inside the database. Every row is encrypted on disk; nothing here is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your consents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is off until you turn it on. One click turns a consent on, and one click turns it off again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take your data with you, or erase it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletions on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion requests sent upstream, and their receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long things are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming deletions (the next 12 months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every privacy event is recorded here: consents, saved and deleted conversations, purges, uploads. Only counts and ids are kept, never what you wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every request Confidant made: where it went and how many bytes went each way. What was sent is never logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing deleted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deletion requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the privacy log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the privacy log, e.g. consent or purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant has not made a single request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No security notices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for notices now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is fixed: it is as short as the feature allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for: {data}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDashboardController</name>
    <message>
        <source>Keeping conversations</source>
        <extracomment>How long typing in the audit search waits before it searches. What each consent scope is called in the receipts&apos; table (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing for training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <extracomment>What a deletion request&apos;s state is called (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: child mode keeps sharing off, and it cannot be turned on.</source>
        <extracomment>Why a sharing switch cannot be used in child mode, not even with the PIN (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On since {when} (you agreed to version {version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: this text changed since you agreed. Turn it on to agree to this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off since {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off. Nothing is done with this until you turn it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not exported your data yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when}: {format}, {protection}, {conversations}, {messages}. (Where the file went is not recorded.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your previous profile was erased (its receipt could not be read).</source>
        <extracomment>The user asked for a Data dialog: ``export``, ``import``, ``delete`` or ``forget``.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your previous profile was erased on {when}: {conversations} and {messages} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n deletion request(s) waiting to be confirmed upstream.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypted database files on disk: {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each bar is a day on which stored items reach the end of the time you chose and are deleted; a taller bar deletes more that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired data is deleted when Confidant starts and every hour after that. Last run: {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n matching event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) (newest first)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices are checked only when an upload collector is set up (Outbox page) and you share data or turned on checking for notices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collector could not be reached. Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notices were not signed correctly, so they were ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n new.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checked: nothing new.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderController</name>
    <message>
        <source>Filled in from this computer; Save to use it.</source>
        <extracomment>The chosen provider or its settings changed (the status bar names it again).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key is kept in your system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is stored (optional; local servers need none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on this computer; nothing you type leaves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider}: runs on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider}: your messages leave this computer for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {model}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a key to store it in your keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: press Save to use this assistant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The assistant is now {provider}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: changing the assistant needs the guardian&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was kept: removing it needs the guardian&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored key was removed from your keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private prompts are on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private prompts are off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not tested: testing the assistant needs the guardian&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s base URL first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>Assistant</source>
        <extracomment>The form&apos;s row labels, by the field they name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the assistant you talk to. The offline demo never uses the network. A server on this computer (Ollama, llama.cpp, LM Studio) keeps your messages here; any other sends them over HTTPS. API keys are kept in your system keyring, never in Confidant&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private prompts: replace names, e-mail addresses, phone numbers, bank details and other personal details with placeholders before a message leaves. The assistant&apos;s reply shows the originals again, on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode keeps private prompts on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>kept in your system keyring</source>
        <extracomment>Where the key is, by key mode (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protected by your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done. Your store is encrypted with a new key, and the old key is gone.</source>
        <extracomment>What the dialog says once the key is changed (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change encryption key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the encryption key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile is encrypted with a random key, {where}. Changing it re-encrypts the whole store under a new random key and then replaces the old key, which no longer opens anything. Do this if you think the key may have been seen, for example if a backup of your keyring went astray. Your conversations and settings stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once it has started it cannot be cancelled: stopping half way could leave the store unreadable. It takes a moment for a large profile; keep Confidant open until it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-encrypting your store… This cannot be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>You</source>
        <extracomment>Who wrote a message, by role (translated when listed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search conversations</source>
        <extracomment>How long typing pauses before the search runs.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds words in the conversations kept on this computer. Temporary chats and conversations that were not kept cannot be found: they were never stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search result count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · {when}
{speaker}: {snippet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n matching message(s). Enter opens one.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing stored matches.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Confidant could not open your profile.</source>
        <extracomment>Start opening even if the window was never painted (minimised, or no compositor). Exit status when the user quits from a dialog, and when the profile cannot be opened. What the window says when the profile cannot be opened (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreErrorDialog</name>
    <message>
        <source>The key for your data is missing or wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Confidant&apos;s entry in your system keyring (service “confidant”), for example from a backup of your keyring, then start Confidant again. {untouched}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data was written by a newer version of Confidant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update Confidant to the newest version, then start it again. {untouched}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system keyring cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or unlock your system keyring, then start Confidant again. {untouched}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space on the disk, then start Confidant again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Confidant again and enter your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the profile folder exists and belongs to you, then start Confidant again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data file is damaged (pages {pages})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore the file confidant.db in the profile folder from a backup, then start Confidant again. {untouched}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant left your data file exactly as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidant cannot open your profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you can do: {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open profile folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupportNote</name>
    <message>
        <source>A list your guardian can edit</source>
        <extracomment>Says whose list it is, so a child knows a grown-up chose it and can change it (translated when shown).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help if something is worrying you</source>
        <extracomment>A heading of any level: shown as a small one, so the note does not shout.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the help list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your guardian chose this list and can change it in: {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemPromptEditor</name>
    <message>
        <source>Default system prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What new conversations tell the assistant first (each conversation can change its own in the chat). Kept encrypted; empty means none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save system prompt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Private prompts were off: the assistant saw your message as written.</source>
        <extracomment>Caption over the prompt as sent, by (private prompts on, the assistant saw it as written). Translated when shown, so a caption follows a change of language.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No personal details were found: the assistant saw your message as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assistant saw placeholders instead of your personal details:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Conversations already kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversations are no longer kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You have %n stored conversation(s). Keep them until their scheduled deletion, or delete them now? Deleting cannot be undone.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete them now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
