<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>Common</name>
    <message numerus="yes">
        <location filename="../../ui/common_strings.py" line="+106"/>
        <source>%n event(s) waiting to sync</source>
        <comment>offline journal not yet sent upstream</comment>
        <translation>
            <numerusform>%n event waiting to sync</numerusform>
            <numerusform>%n events waiting to sync</numerusform>
        </translation>
    </message>
</context>
</TS>
