<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AppointmentsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/supervisor/appointments.py" line="+188" />
        <source>%n appointment(s) still expected this day</source>
        <translation>
            <numerusform>%n appointment still expected this day</numerusform>
            <numerusform>%n appointments still expected this day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+70" />
        <source>%n appointment(s) marked as no-show</source>
        <translation>
            <numerusform>%n appointment marked as no-show</numerusform>
            <numerusform>%n appointments marked as no-show</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message numerus="yes">
        <location filename="../../ui/supervisor/call_list_panel.py" line="+97" />
        <source>Deposit matures in %n day(s)</source>
        <translation>
            <numerusform>Deposit matures in %n day</numerusform>
            <numerusform>Deposit matures in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallListPanel</name>
    <message numerus="yes">
        <location line="+131" />
        <source>%n deposit(s) to call about</source>
        <translation>
            <numerusform>%n deposit to call about</numerusform>
            <numerusform>%n deposits to call about</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2" />
        <source>%n appointment reminder(s) for tomorrow</source>
        <translation>
            <numerusform>%n appointment reminder for tomorrow</numerusform>
            <numerusform>%n appointment reminders for tomorrow</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message numerus="yes">
        <location filename="../../ui/common/strings.py" line="+109" />
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>%n event waiting to sync</numerusform>
            <numerusform>%n events waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsModel</name>
    <message numerus="yes">
        <location filename="../../ui/supervisor/follow_ups_panel.py" line="+64" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3" />
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message numerus="yes">
        <location line="+137" />
        <source>%n follow-up(s) listed</source>
        <translation>
            <numerusform>%n follow-up listed</numerusform>
            <numerusform>%n follow-ups listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+285" />
        <source>%n person(s) waiting</source>
        <comment>people in the queue</comment>
        <translation>
            <numerusform>%n person waiting</numerusform>
            <numerusform>%n people waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28" />
        <source>%n customer(s) ahead of you</source>
        <translation>
            <numerusform>%n customer ahead of you</numerusform>
            <numerusform>%n customers ahead of you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5" />
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>Estimated wait: about %n minute</numerusform>
            <numerusform>Estimated wait: about %n minutes</numerusform>
        </translation>
    </message>
<message numerus="yes">
        <location filename="../../ui/kiosk/window.py" line="+285" />
        <source>%n customer(s) ahead</source>
        <comment>on a service tile</comment>
        <translation>
            <numerusform>%n customer ahead</numerusform>
            <numerusform>%n customers ahead</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>QueuePanel</name>
    <message numerus="yes">
        <location filename="../../ui/station/queue_panel.py" line="+164" />
        <source>%n ticket(s) waiting</source>
        <translation>
            <numerusform>%n ticket waiting</numerusform>
            <numerusform>%n tickets waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StationCommands</name>
    <message numerus="yes">
        <location filename="../../ui/station/command_runner.py" line="+321" />
        <source>%n customer(s) ahead</source>
        <translation>
            <numerusform>%n customer ahead</numerusform>
            <numerusform>%n customers ahead</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StationErrors</name>
    <message numerus="yes">
        <location filename="../../ui/station/errors.py" line="+55" />
        <source>Too many wrong PINs: try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many wrong PINs: try again in %n minute.</numerusform>
            <numerusform>Too many wrong PINs: try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message numerus="yes">
        <source>(target %1 min; %n counter(s) open for it during the break, minimum %2).</source>
        <translation>
            <numerusform>(target %1 min; %n counter open for it during the break, minimum %2).</numerusform>
            <numerusform>(target %1 min; %n counters open for it during the break, minimum %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep %n counter(s) open for %1 until %2.</source>
        <translation>
            <numerusform>Keep %n counter open for %1 until %2.</numerusform>
            <numerusform>Keep %n counters open for %1 until %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortVisitsPanel</name>
    <message numerus="yes">
        <source>%n short visit(s) listed</source>
        <translation>
            <numerusform>%n short visit listed</numerusform>
            <numerusform>%n short visits listed</numerusform>
        </translation>
    </message>
</context>
</TS>