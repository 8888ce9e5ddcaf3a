<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="229"/>
        <source>Scored %1 of %n post(s)</source>
        <translation>
            <numerusform>Scored %1 of %n post</numerusform>
            <numerusform>Scored %1 of %n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="249"/>
        <source>%1: %n post(s) audited</source>
        <translation>
            <numerusform>%1: %n post audited</numerusform>
            <numerusform>%1: %n posts audited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="254"/>
        <source>%n row(s) skipped (%1).</source>
        <translation>
            <numerusform>%n row skipped (%1).</numerusform>
            <numerusform>%n rows skipped (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="322"/>
        <source>%n post(s) with %1</source>
        <translation>
            <numerusform>%n post with %1</numerusform>
            <numerusform>%n posts with %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message numerus="yes">
        <location filename="../../gui/audit/view.py" line="155"/>
        <source>%n post(s) audited</source>
        <translation>
            <numerusform>%n post audited</numerusform>
            <numerusform>%n posts audited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/view.py" line="155"/>
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n row skipped</numerusform>
            <numerusform>%n rows skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoachPanel</name>
    <message numerus="yes">
        <location filename="../../gui/panel/panel.py" line="307"/>
        <source>… and %n more findings in this group</source>
        <translation>
            <numerusform>… and %n more finding in this group</numerusform>
            <numerusform>… and %n more findings in this group</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <location filename="../../gui/editor/compare.py" line="202"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message numerus="yes">
        <location filename="../../gui/coaching/drafts_view.py" line="276"/>
        <source>Delete %n draft(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n draft in the trash for good? This cannot be undone.</numerusform>
            <numerusform>Delete %n drafts in the trash for good? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExerciseBrowser</name>
    <message numerus="yes">
        <location filename="../../gui/coaching/exercise_browser.py" line="191"/>
        <source>%n exercise(s) imported.</source>
        <translation>
            <numerusform>%n exercise imported.</numerusform>
            <numerusform>%n exercises imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/exercise_browser.py" line="248"/>
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n exercise</numerusform>
            <numerusform>%n exercises</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../gui/reports/export.py" line="241"/>
        <source>Saved %1 (%n page(s)).</source>
        <translation>
            <numerusform>Saved %1 (%n page).</numerusform>
            <numerusform>Saved %1 (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveRound</name>
    <message numerus="yes">
        <location filename="../../gui/coaching/live_round.py" line="185"/>
        <source>%n device(s) joined</source>
        <translation>
            <numerusform>%n device joined</numerusform>
            <numerusform>%n devices joined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/live_round.py" line="185"/>
        <source>%n attempt(s) submitted</source>
        <translation>
            <numerusform>%n attempt submitted</numerusform>
            <numerusform>%n attempts submitted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../gui/editor/main_window.py" line="285"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/main_window.py" line="285"/>
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message numerus="yes">
        <location filename="../../gui/coaching/progress.py" line="96"/>
        <source>Progress of {name}: %n attempt(s)</source>
        <translation>
            <numerusform>Progress of {name}: %n attempt</numerusform>
            <numerusform>Progress of {name}: %n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundAttempts</name>
    <message numerus="yes">
        <location filename="../../gui/coaching/attempts.py" line="206"/>
        <source>%n attempt(s) imported.</source>
        <translation>
            <numerusform>%n attempt imported.</numerusform>
            <numerusform>%n attempts imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message numerus="yes">
        <location filename="../../gui/coaching/sessions.py" line="310"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/sessions.py" line="310"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
</TS>
