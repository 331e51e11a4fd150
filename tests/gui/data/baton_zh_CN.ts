<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- A small catalogue for the shell's language test, so it sees a real
     runtime switch whatever state the product's translations are in. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>Modules</name>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>baton::SettingsPage</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
</TS>
