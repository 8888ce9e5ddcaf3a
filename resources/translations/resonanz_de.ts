<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CoachPanel</name>
    <message>
        <location filename="../../gui/panel.py" line="328"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="329"/>
        <source>Platform the post is written for</source>
        <translation>Plattform, für die der Beitrag geschrieben wird</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="330"/>
        <source>Language of the draft</source>
        <translation>Sprache des Entwurfs</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="331"/>
        <source>Language of the draft: detected automatically or chosen</source>
        <translation>Sprache des Entwurfs: automatisch erkannt oder gewählt</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="333"/>
        <source>Scores as a radar chart</source>
        <translation>Bewertungen als Netzdiagramm</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="334"/>
        <source>Findings</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="335"/>
        <source>Findings by dimension</source>
        <translation>Hinweise nach Bereich</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="336"/>
        <source>Enter or double-click selects the passage in the draft.</source>
        <translation>Eingabetaste oder Doppelklick markiert die Stelle im Entwurf.</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="337"/>
        <source>Details of the selected finding</source>
        <translation>Einzelheiten zum gewählten Hinweis</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="338"/>
        <source>Select a finding to see what to do about it.</source>
        <translation>Wählen Sie einen Hinweis, um zu sehen, was Sie tun können.</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="339"/>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="340"/>
        <source>Why? Show the reasoning and source</source>
        <translation>Warum? Begründung und Quelle zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="341"/>
        <location filename="../../gui/panel.py" line="342"/>
        <source>Score history</source>
        <translation>Verlauf der Bewertungen</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="343"/>
        <source>Scores over the saved revisions</source>
        <translation>Bewertungen über die gespeicherten Fassungen</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="345"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="346"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="347"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="348"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="349"/>
        <source>Works well</source>
        <translation>Gelungen</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="363"/>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="364"/>
        <source>Shareability</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="365"/>
        <source>Clarity</source>
        <translation>Klarheit</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="366"/>
        <source>Platform fit</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="463"/>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="466"/>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="469"/>
        <source>%1 over the limit</source>
        <translation>%1 über der Grenze</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="480"/>
        <source>Auto (detected: %1)</source>
        <translation>Automatisch (erkannt: %1)</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="482"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="495"/>
        <source>%1: %2 findings</source>
        <translation>%1: %2 Hinweise</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="636"/>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <location filename="../../gui/panel.py" line="641"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../gui/compare.py" line="344"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="345"/>
        <source>Revision</source>
        <translation>Überarbeitung</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="346"/>
        <source>Original draft</source>
        <translation>Ursprünglicher Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="347"/>
        <source>Revised draft</source>
        <translation>Überarbeiteter Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="348"/>
        <source>The client&apos;s original draft</source>
        <translation>Der ursprüngliche Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="349"/>
        <source>The revision</source>
        <translation>Die Überarbeitung</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="351"/>
        <location filename="../../gui/compare.py" line="486"/>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="351"/>
        <location filename="../../gui/compare.py" line="487"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="351"/>
        <location filename="../../gui/compare.py" line="359"/>
        <source>Strengths gained</source>
        <translation>Neue Stärken</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="356"/>
        <source>Filled: revision · dashed: original</source>
        <translation>Gefüllt: Überarbeitung · gestrichelt: Original</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="357"/>
        <source>Resolved problems</source>
        <translation>Behobene Probleme</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="358"/>
        <source>New problems</source>
        <translation>Neue Probleme</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="360"/>
        <source>Problems of the original that the revision no longer has</source>
        <translation>Probleme des Originals, die die Überarbeitung nicht mehr hat</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="361"/>
        <source>Problems the revision has and the original had not</source>
        <translation>Probleme, die die Überarbeitung hat und das Original nicht</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="362"/>
        <source>Strengths the revision added</source>
        <translation>Stärken, die die Überarbeitung hinzugewonnen hat</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="363"/>
        <source>Nothing to compare yet.</source>
        <translation>Noch nichts zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="364"/>
        <source>No problem of the original was resolved.</source>
        <translation>Kein Problem des Originals wurde behoben.</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="365"/>
        <source>None: the revision adds no new problems.</source>
        <translation>Keine: Die Überarbeitung bringt keine neuen Probleme.</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="366"/>
        <source>No new strengths.</source>
        <translation>Keine neuen Stärken.</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="369"/>
        <source>Struck through: passages whose problems the revision resolved</source>
        <translation>Durchgestrichen: Stellen, deren Probleme die Überarbeitung behoben hat</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="370"/>
        <source>Underlined: passages with problems the revision added</source>
        <translation>Unterstrichen: Stellen mit Problemen, die die Überarbeitung neu hat</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="400"/>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="401"/>
        <source>Shareability</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="402"/>
        <source>Clarity</source>
        <translation>Klarheit</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="403"/>
        <source>Platform fit</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="416"/>
        <source>No comparison yet</source>
        <translation>Noch kein Vergleich</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="421"/>
        <source>{name}: {before} to {after}, change {delta}</source>
        <translation>{name}: {before} auf {after}, Veränderung {delta}</translation>
    </message>
    <message>
        <location filename="../../gui/compare.py" line="422"/>
        <source>{name} score of the original and of the revision</source>
        <translation>{name}: Bewertung des Originals und der Überarbeitung</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <location filename="../../gui/editor.py" line="79"/>
        <source>Draft</source>
        <extracomment>Marked severities (&quot;info&quot; is not marked; &quot;good&quot; gets a background, the rest an underline). Paint order: later selections are drawn over earlier ones, so stronger problems end up on top.</extracomment>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor.py" line="80"/>
        <source>Text of the post; passages the coach comments on are underlined</source>
        <translation>Text des Beitrags; kommentierte Stellen sind unterstrichen</translation>
    </message>
    <message>
        <location filename="../../gui/editor.py" line="81"/>
        <source>Write or paste your post here…</source>
        <translation>Schreiben oder fügen Sie Ihren Beitrag hier ein …</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/main_window.py" line="59"/>
        <location filename="../../gui/main_window.py" line="60"/>
        <source>Find in draft</source>
        <translation>Im Entwurf suchen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="61"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="86"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <location filename="../../gui/charts.py" line="201"/>
        <source>No revisions yet</source>
        <extracomment>Angles of the radar axes in screen coordinates: dialogue top, shareability right, clarity bottom, platform fit left. One line style and marker per dimension (same order as the editor&apos;s underline styles). The traffic-light thresholds (common.toml: red_below, green_from).</extracomment>
        <translation>Noch keine Fassungen</translation>
    </message>
    <message>
        <location filename="../../gui/charts.py" line="202"/>
        <source>Save a revision to follow the scores from version to version.</source>
        <translation>Speichern Sie eine Fassung, um die Bewertungen von Version zu Version zu verfolgen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="238"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="239"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="240"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="241"/>
        <source>&amp;Draft</source>
        <translation>E&amp;ntwurf</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="242"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="243"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="244"/>
        <source>Interface &amp;language</source>
        <translation>&amp;Sprache der Oberfläche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="245"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="247"/>
        <source>&amp;New draft</source>
        <translation>&amp;Neuer Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="248"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="249"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250"/>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="251"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="252"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="253"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="254"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="255"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="257"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="258"/>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="259"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="260"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="261"/>
        <source>&amp;Normal size</source>
        <translation>&amp;Normale Größe</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="262"/>
        <source>Keep this version as &amp;original</source>
        <translation>Diese Fassung als &amp;Original behalten</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="263"/>
        <source>&amp;Compare with original</source>
        <translation>Mit Original &amp;vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="264"/>
        <source>Save &amp;revision</source>
        <translation>&amp;Fassung speichern</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265"/>
        <source>&amp;About Resonanz</source>
        <translation>Ü&amp;ber Resonanz</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="266"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="272"/>
        <source>Draft and coaching panel</source>
        <translation>Entwurf und Coaching-Leiste</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="273"/>
        <source>Coaching panel</source>
        <translation>Coaching-Leiste</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="303"/>
        <source>… more</source>
        <translation>… mehr</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="344"/>
        <source>%1 is not a text file.</source>
        <translation>%1 ist keine Textdatei.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="347"/>
        <source>%1 could not be opened as UTF-8 text.</source>
        <translation>%1 ließ sich nicht als UTF-8-Text öffnen.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="348"/>
        <location filename="../../gui/main_window.py" line="374"/>
        <source>Open draft</source>
        <translation>Entwurf öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="388"/>
        <source>draft.txt</source>
        <translation>entwurf.txt</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="389"/>
        <location filename="../../gui/main_window.py" line="402"/>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="402"/>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="417"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="418"/>
        <source>The draft has unsaved changes. Save them?</source>
        <translation>Der Entwurf hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="432"/>
        <source>Revision %1</source>
        <translation>Fassung %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="438"/>
        <source>This version is now the original to compare against.</source>
        <translation>Diese Fassung ist jetzt das Original für den Vergleich.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="446"/>
        <source>Compare with original</source>
        <translation>Mit Original vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="527"/>
        <source>About Resonanz</source>
        <translation>Über Resonanz</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="531"/>
        <source>Coaching for social-media posts of organisations: dialogue instead of monologue, no dead ends.</source>
        <translation>Coaching für Social-Media-Beiträge von Organisationen: Dialog statt Monolog, keine Sackgassen.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="532"/>
        <source>Licence: MIT. Runs offline; your drafts never leave this computer.</source>
        <translation>Lizenz: MIT. Läuft offline; Ihre Entwürfe verlassen diesen Rechner nie.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="539"/>
        <source>Untitled draft</source>
        <translation>Unbenannter Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="552"/>
        <source>%1 words · %2 sentences · reading time %3 s</source>
        <translation>%1 Wörter · %2 Sätze · Lesezeit %3 s</translation>
    </message>
</context>
<context>
    <name>ScoreGauge</name>
    <message>
        <location filename="../../gui/gauges.py" line="266"/>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <location filename="../../gui/gauges.py" line="266"/>
        <source>amber</source>
        <translation>gelb</translation>
    </message>
    <message>
        <location filename="../../gui/gauges.py" line="266"/>
        <source>green</source>
        <translation>grün</translation>
    </message>
    <message>
        <location filename="../../gui/gauges.py" line="267"/>
        <source>Press Space to show how the score is made up.</source>
        <translation>Leertaste zeigt, wie sich die Bewertung zusammensetzt.</translation>
    </message>
    <message>
        <location filename="../../gui/gauges.py" line="282"/>
        <source>%1 score not available yet</source>
        <translation>%1: noch keine Bewertung</translation>
    </message>
    <message>
        <location filename="../../gui/gauges.py" line="284"/>
        <source>%1 score %2, %3</source>
        <translation>%1: Bewertung %2, %3</translation>
    </message>
    <message>
        <location filename="../../gui/gauges.py" line="293"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
</context>
</TS>
