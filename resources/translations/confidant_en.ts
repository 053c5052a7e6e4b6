<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppLockDialog</name>
    <message numerus="yes">
        <source>At least %n character(s)</source>
        <translation>
            <numerusform>At least %n character</numerusform>
            <numerusform>At least %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataController</name>
    <message numerus="yes">
        <source>Deleted %n conversation(s), for good.</source>
        <translation>
            <numerusform>Deleted %n conversation, for good.</numerusform>
            <numerusform>Deleted %n conversations, for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message numerus="yes">
        <source>This deletes all %n stored conversation(s).</source>
        <translation>
            <numerusform>This deletes the %n stored conversation.</numerusform>
            <numerusform>This deletes all %n stored conversations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This deletes %n conversation(s) last active from {first} to {last}.</source>
        <translation>
            <numerusform>This deletes %n conversation last active from {first} to {last}.</numerusform>
            <numerusform>This deletes %n conversations last active from {first} to {last}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeletionTimeline</name>
    <message numerus="yes">
        <source>{lane}: %n due, the first on {day}</source>
        <translation>
            <numerusform>{lane}: %n due, the first on {day}</numerusform>
            <numerusform>{lane}: %n due, the first on {day}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{lane}: nothing due in the next %n days</source>
        <translation>
            <numerusform>{lane}: nothing due in the next %n day</numerusform>
            <numerusform>{lane}: nothing due in the next %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation>
            <numerusform>The passphrase must have at least %n character.</numerusform>
            <numerusform>The passphrase must have at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuardianSetupDialog</name>
    <message numerus="yes">
        <source>Choose a PIN or passphrase of at least %n digit(s) or character(s) that your child does not know. If you forget it, the only way out is to erase this profile&apos;s data (Forget me).</source>
        <translation>
            <numerusform>Choose a PIN or passphrase of at least %n digit or character that your child does not know. If you forget it, the only way out is to erase this profile&apos;s data (Forget me).</numerusform>
            <numerusform>Choose a PIN or passphrase of at least %n digits or characters that your child does not know. If you forget it, the only way out is to erase this profile&apos;s data (Forget me).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The PIN needs at least %n digit(s) or character(s).</source>
        <translation>
            <numerusform>The PIN needs at least %n digit or character.</numerusform>
            <numerusform>The PIN needs at least %n digits or characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocalServerFinder</name>
    <message numerus="yes">
        <source>Found %n assistant(s) on this computer.</source>
        <translation>
            <numerusform>Found %n assistant on this computer.</numerusform>
            <numerusform>Found %n assistants on this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyDataController</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s): what happened and when, never what you wrote</source>
        <translation>
            <numerusform>%n entry: what happened and when, never what you wrote</numerusform>
            <numerusform>%n entries: what happened and when, never what you wrote</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done: deleted %n kept conversation(s), and your nickname, picture and voice are back to how they started.</source>
        <translation>
            <numerusform>Done: deleted %n kept conversation, and your nickname, picture and voice are back to how they started.</numerusform>
            <numerusform>Done: deleted %n kept conversations, and your nickname, picture and voice are back to how they started.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message numerus="yes">
        <source>%n more after this one.</source>
        <translation>
            <numerusform>%n more after this one.</numerusform>
            <numerusform>%n more after this one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxController</name>
    <message numerus="yes">
        <source>%n deletion request(s) still to be sent.</source>
        <translation>
            <numerusform>%n deletion request still to be sent.</numerusform>
            <numerusform>%n deletion requests still to be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n item(s).</source>
        <translation>
            <numerusform>Sent %n item.</numerusform>
            <numerusform>Sent %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion request(s) answered.</source>
        <translation>
            <numerusform>%n deletion request answered.</numerusform>
            <numerusform>%n deletion requests answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) refused by the collector and dropped.</source>
        <translation>
            <numerusform>%n item refused by the collector and dropped.</numerusform>
            <numerusform>%n items refused by the collector and dropped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be retried later.</source>
        <translation>
            <numerusform>%n item will be retried later.</numerusform>
            <numerusform>%n items will be retried later.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still wait(s) for your review.</source>
        <translation>
            <numerusform>%n item still waits for your review.</numerusform>
            <numerusform>%n items still wait for your review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseCheck</name>
    <message numerus="yes">
        <source>The passphrase must have at least %n character(s).</source>
        <translation>
            <numerusform>The passphrase must have at least %n character.</numerusform>
            <numerusform>The passphrase must have at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n character(s). You will type it each time Confidant starts. If you forget it, nobody can recover your data.</source>
        <translation>
            <numerusform>Choose a passphrase of at least %n character. You will type it each time Confidant starts. If you forget it, nobody can recover your data.</numerusform>
            <numerusform>Choose a passphrase of at least %n characters. You will type it each time Confidant starts. If you forget it, nobody can recover your data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesController</name>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyCheckupDialog</name>
    <message numerus="yes">
        <source>Every %n day(s) Confidant asks you to look at what it keeps and what you agreed to. You can change anything on the Privacy page.</source>
        <translation>
            <numerusform>Every %n day Confidant asks you to look at what it keeps and what you agreed to. You can change anything on the Privacy page.</numerusform>
            <numerusform>Every %n days Confidant asks you to look at what it keeps and what you agreed to. You can change anything on the Privacy page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyDashboardController</name>
    <message numerus="yes">
        <source>%n deletion request(s) waiting to be confirmed upstream.</source>
        <translation>
            <numerusform>%n deletion request waiting to be confirmed upstream.</numerusform>
            <numerusform>%n deletion requests waiting to be confirmed upstream.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching event(s)</source>
        <translation>
            <numerusform>%n matching event</numerusform>
            <numerusform>%n matching events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) (newest first)</source>
        <translation>
            <numerusform>%n event (newest first)</numerusform>
            <numerusform>%n events (newest first)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked: %n new.</source>
        <translation>
            <numerusform>Checked: %n new.</numerusform>
            <numerusform>Checked: %n new.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n matching message(s). Enter opens one.</source>
        <translation>
            <numerusform>%n matching message. Enter opens one.</numerusform>
            <numerusform>%n matching messages. Enter opens one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message numerus="yes">
        <source>You have %n stored conversation(s). Keep them until their scheduled deletion, or delete them now? Deleting cannot be undone.</source>
        <translation>
            <numerusform>You have %n stored conversation. Keep it until its scheduled deletion, or delete it now? Deleting cannot be undone.</numerusform>
            <numerusform>You have %n stored conversations. Keep them until their scheduled deletion, or delete them now? Deleting cannot be undone.</numerusform>
        </translation>
    </message>
</context>
</TS>
