<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AppointmentsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/supervisor_appointments.py" line="+188"/>
        <source>%n appointment(s) still expected this day</source>
        <translation>
            <numerusform>%n appointment still expected this day</numerusform>
            <numerusform>%n appointments still expected this day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+70"/>
        <source>%n appointment(s) marked as no-show</source>
        <translation>
            <numerusform>%n appointment marked as no-show</numerusform>
            <numerusform>%n appointments marked as no-show</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message numerus="yes">
        <location filename="../../ui/common_strings.py" line="+109"/>
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>%n event waiting to sync</numerusform>
            <numerusform>%n events waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message numerus="yes">
        <location filename="../../ui/kiosk_window.py" line="+285"/>
        <source>%n person(s) waiting</source>
        <comment>people in the queue</comment>
        <translation>
            <numerusform>%n person waiting</numerusform>
            <numerusform>%n people waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n customer(s) ahead of you</source>
        <translation>
            <numerusform>%n customer ahead of you</numerusform>
            <numerusform>%n customers ahead of you</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Estimated wait: about %n minute(s)</source>
        <translation>
            <numerusform>Estimated wait: about %n minute</numerusform>
            <numerusform>Estimated wait: about %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message numerus="yes">
        <location filename="../../ui/station_queue_panel.py" line="+164"/>
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
        <location filename="../../ui/station_commands.py" line="+251"/>
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
        <location filename="../../ui/station_errors.py" line="+55"/>
        <source>Too many wrong PINs: try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many wrong PINs: try again in %n minute.</numerusform>
            <numerusform>Too many wrong PINs: try again in %n minutes.</numerusform>
        </translation>
    </message>
</context>
</TS>
