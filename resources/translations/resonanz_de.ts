<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app/start.py" line="95"/>
        <source>%1

Resonanz starts without saving drafts; the file was not changed.</source>
        <translation>%1

Resonanz startet ohne Speichern der Entwürfe; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location filename="../../gui/app/start.py" line="142"/>
        <source>%1

It held no drafts. Resonanz starts a new database; the empty file is kept as %2.</source>
        <translation>%1

Sie enthielt keine Entwürfe. Resonanz legt eine neue Datenbank an; die leere Datei bleibt als %2 erhalten.</translation>
    </message>
    <message>
        <location filename="../../gui/app/start.py" line="161"/>
        <source>%1

Restore the newest backup (%2)? The damaged file is kept next to it.</source>
        <translation>%1

Neueste Sicherung (%2) wiederherstellen? Die beschädigte Datei bleibt daneben erhalten.</translation>
    </message>
    <message>
        <location filename="../../gui/app/start.py" line="193"/>
        <source>The database could not be read or written: %1

Your text stays in the editor (File › Export to file… keeps a copy). `resonanz db check` says what is wrong; `resonanz db restore` brings back a backup.</source>
        <translation>Die Datenbank konnte nicht gelesen oder geschrieben werden: %1

Ihr Text bleibt im Editor (Datei › In Datei exportieren… sichert eine Kopie). `resonanz db check` sagt, was nicht stimmt; `resonanz db restore` holt eine Sicherung zurück.</translation>
    </message>
    <message>
        <location filename="../../gui/app/start.py" line="221"/>
        <source>Daily backup failed: %1</source>
        <translation>Tägliche Sicherung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>AttemptDialog</name>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="183"/>
        <source>Add attempt</source>
        <translation>Versuch hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="184"/>
        <source>&amp;Participant:</source>
        <translation>&amp;Teilnehmer:in:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="186"/>
        <source>Comment to answer: %1</source>
        <translation>Zu beantwortender Kommentar: %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="187"/>
        <source>&amp;Reply to the comment:</source>
        <translation>&amp;Antwort auf den Kommentar:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="188"/>
        <source>Reply to the comment</source>
        <translation>Antwort auf den Kommentar</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="190"/>
        <source>&amp;Text of the attempt:</source>
        <translation>&amp;Text des Versuchs:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="192"/>
        <source>Participant</source>
        <translation>Teilnehmer:in</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="191"/>
        <source>Text of the attempt</source>
        <translation>Text des Versuchs</translation>
    </message>
</context>
<context>
    <name>AttemptLargeDialog</name>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="172"/>
        <source>Attempt: %1</source>
        <translation>Versuch: %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="174"/>
        <source>Participant</source>
        <translation>Teilnehmer:in</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="176"/>
        <source>Reply to the comment: %1</source>
        <translation>Antwort auf den Kommentar: %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="177"/>
        <source>Text of the attempt %1</source>
        <translation>Text des Versuchs von %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="178"/>
        <source>Read-only; passages the coach comments on are underlined</source>
        <translation>Nur lesbar; die Stellen, zu denen der Coach etwas sagt, sind unterstrichen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="179"/>
        <source>&amp;Previous</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="180"/>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="181"/>
        <source>The attempt above this one in the gallery (Alt+Left)</source>
        <translation>Der Versuch über diesem in der Galerie (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="182"/>
        <source>The attempt below this one in the gallery (Alt+Right)</source>
        <translation>Der Versuch unter diesem in der Galerie (Alt+Rechts)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../gui/audit/dialog.py" line="169"/>
        <source>Page audit</source>
        <translation>Seiten-Audit</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="170"/>
        <source>&amp;Export file:</source>
        <translation>&amp;Exportdatei:</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="172"/>
        <source>A page&apos;s export: Meta, LinkedIn, X, Mastodon, Bluesky or any CSV</source>
        <translation>Der Export einer Seite: Meta, LinkedIn, X, Mastodon, Bluesky oder eine beliebige CSV</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="173"/>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="174"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="176"/>
        <source>&amp;Language of the posts:</source>
        <translation>&amp;Sprache der Beiträge:</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="178"/>
        <source>Client / &amp;session:</source>
        <translation>Klient / &amp;Sitzung:</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="180"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="181"/>
        <source>Detect per post</source>
        <translation>Je Beitrag erkennen</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="181"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="181"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="183"/>
        <source>&amp;Run audit</source>
        <translation>Audit &amp;starten</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="184"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="185"/>
        <source>E&amp;xport report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="186"/>
        <source>&amp;Calibrate to this audience…</source>
        <translation>Auf dieses Publikum &amp;kalibrieren…</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="187"/>
        <source>Fit how much each signal counts for this page on its older posts, and test it on the newer ones</source>
        <translation>An den älteren Beiträgen anpassen, wie viel jedes Signal für diese Seite zählt, und an den neueren prüfen</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="188"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="190"/>
        <source>Nothing leaves this computer: the export is read and scored here.</source>
        <translation>Nichts verlässt diesen Rechner: Der Export wird hier gelesen und bewertet.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="200"/>
        <source>Choose a page export</source>
        <translation>Export einer Seite auswählen</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="201"/>
        <source>Exports (*.csv *.xlsx *.json *.zip);;All files (*)</source>
        <translation>Exporte (*.csv *.xlsx *.json *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="217"/>
        <source>Reading the export…</source>
        <translation>Export wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="254"/>
        <source>%n row(s) skipped (%1).</source>
        <translation>
            <numerusform>%n Zeile übersprungen (%1).</numerusform>
            <numerusform>%n Zeilen übersprungen (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="322"/>
        <source>%n post(s) with %1</source>
        <translation>
            <numerusform>%n Beitrag mit der Kennzahl „%1“</numerusform>
            <numerusform>%n Beiträge mit der Kennzahl „%1“</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="252"/>
        <source>line</source>
        <translation>Zeile</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="229"/>
        <source>Scored %1 of %n post(s)</source>
        <translation>
            <numerusform>%1 von %n Beitrag bewertet</numerusform>
            <numerusform>%1 von %n Beiträgen bewertet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="230"/>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/dialog.py" line="249"/>
        <source>%1: %n post(s) audited</source>
        <translation>
            <numerusform>%1: %n Beitrag ausgewertet</numerusform>
            <numerusform>%1: %n Beiträge ausgewertet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="250"/>
        <source>(%1 export).</source>
        <translation>(%1-Export).</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="259"/>
        <source>Saved as audit %1.</source>
        <translation>Als Audit %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="261"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="288"/>
        <source>Fitting on the older posts, testing on the newer ones…</source>
        <translation>Anpassen an den älteren Beiträgen, Prüfen an den neueren…</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="301"/>
        <source>%1 and %2 on the %3 newest posts: defaults ρ %4, calibrated ρ %5</source>
        <translation>%1 und %2 an den %3 neuesten Beiträgen: Standard ρ %4, kalibriert ρ %5</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="305"/>
        <source>No calibration offered: it does not clearly beat Resonanz&apos;s defaults on the newer posts, or there are too few posts.</source>
        <translation>Keine Kalibrierung angeboten: Sie ist an den neueren Beiträgen nicht klar besser als die Standardwerte von Resonanz, oder es gibt zu wenige Beiträge.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="306"/>
        <location filename="../../gui/audit/dialog.py" line="310"/>
        <source>Calibrate to this audience</source>
        <translation>Auf dieses Publikum kalibrieren</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="307"/>
        <source>Resonanz keeps its defaults for this page.</source>
        <translation>Resonanz behält für diese Seite seine Standardwerte.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="311"/>
        <source>On this page&apos;s newer posts, the calibrated weights predict better than the defaults:</source>
        <translation>An den neueren Beiträgen dieser Seite sagen die kalibrierten Gewichte besser voraus als die Standardwerte:</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="312"/>
        <source>Save them as a rule file that you can read, edit or delete?</source>
        <translation>Als Regeldatei speichern, die Sie lesen, ändern oder löschen können?</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="323"/>
        <source>(it needs %1 to fit and %2 newer ones to test).</source>
        <translation>(nötig sind %1 zum Anpassen und %2 neuere zum Prüfen).</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="325"/>
        <source>%1: the defaults already fit these posts (no weight moved).</source>
        <translation>%1: Die Standardwerte passen schon zu diesen Beiträgen (kein Gewicht hat sich bewegt).</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="326"/>
        <source>%1: on the newer posts the calibration does not clearly beat the defaults (ρ %2 against %3, n = %4).</source>
        <translation>%1: Auf den neueren Beiträgen ist die Kalibrierung nicht deutlich besser als die Standardwerte (ρ %2 gegen %3, n = %4).</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="341"/>
        <source>Calibration saved: %1 (delete it to go back to the defaults).</source>
        <translation>Kalibrierung gespeichert: %1 (löschen Sie die Datei, um zu den Standardwerten zurückzukehren).</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="346"/>
        <source>Audit cancelled: nothing was saved.</source>
        <translation>Audit abgebrochen: Nichts wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../gui/audit/view.py" line="119"/>
        <source>Travelled and dead ends</source>
        <extracomment>rows per list on screen (the report has them all): a 100,000-post page has 20,000 per fifth</extracomment>
        <translation>Verbreitet und Sackgassen</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="119"/>
        <source>What works for your audience</source>
        <translation>Was bei Ihrem Publikum wirkt</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="120"/>
        <source>Does the advice hold here?</source>
        <translation>Hält der Rat hier?</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="120"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="122"/>
        <source>&amp;Open in the editor</source>
        <translation>Im Editor ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="123"/>
        <source>Open the selected post as a new draft, to see its findings and rewrite it</source>
        <translation>Den gewählten Beitrag als neuen Entwurf öffnen, um seine Hinweise zu sehen und ihn neu zu schreiben</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="125"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="125"/>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="125"/>
        <location filename="../../gui/audit/view.py" line="141"/>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="125"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="126"/>
        <source>Rank correlation with the outcome (bar) and its 90% interval (line)</source>
        <translation>Rangkorrelation mit der Kennzahl (Balken) und ihr 90-%-Intervall (Linie)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="127"/>
        <source>Dialogue score and comments per reaction</source>
        <translation>Dialog-Wert und Kommentare je Reaktion</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="128"/>
        <source>Shareability score and shares per reaction</source>
        <translation>Weitergabe-Wert und Teilungen je Reaktion</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="129"/>
        <source>Outcome percentile over time (line: running median)</source>
        <translation>Perzentil der Kennzahl über die Zeit (Linie: gleitender Median)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="135"/>
        <source>comments per reaction</source>
        <translation>Kommentare je Reaktion</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="135"/>
        <source>shares per reaction</source>
        <translation>Teilungen je Reaktion</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="136"/>
        <source>comments per impression</source>
        <translation>Kommentare je Impression</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="136"/>
        <source>shares per impression</source>
        <translation>Teilungen je Impression</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="141"/>
        <source>Shareability</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="141"/>
        <source>Clarity</source>
        <translation>Klarheit</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="142"/>
        <source>Platform fit</source>
        <translation>Plattform</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/view.py" line="155"/>
        <source>%n post(s) audited</source>
        <translation>
            <numerusform>%n Beitrag ausgewertet</numerusform>
            <numerusform>%n Beiträge ausgewertet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/audit/view.py" line="155"/>
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n Zeile übersprungen</numerusform>
            <numerusform>%n Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="156"/>
        <source>Groups by %1, compared within the page.</source>
        <translation>Gruppen nach der Kennzahl „%1“, innerhalb der Seite verglichen.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="157"/>
        <source>Travelled (top fifth)</source>
        <translation>Verbreitet (oberstes Fünftel)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="158"/>
        <source>Dead ends (bottom fifth)</source>
        <translation>Sackgassen (unterstes Fünftel)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="166"/>
        <source> (the first %1 of %2; the report lists all)</source>
        <translation> (die ersten %1 von %2; der Bericht nennt alle)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="189"/>
        <source>No signal has enough posts yet to say what works here.</source>
        <translation>Noch hat kein Signal genug Beiträge, um zu sagen, was hier wirkt.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="198"/>
        <source>Not enough data for any signal yet.</source>
        <translation>Noch zu wenig Daten für jedes Signal.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="206"/>
        <source>%1 and %2: the same for every post on this page (for example, never shared), nothing to check (n = %3)</source>
        <translation>%1 und %2: bei allen Beiträgen dieser Seite gleich (etwa: nie geteilt), nichts zu prüfen (n = %3)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="212"/>
        <source>%1 and %2: %3 %4 (n = %5)</source>
        <translation>%1 und %2: %3 %4 (n = %5)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="215"/>
        <source>Reported as measured, also when the link is weak or negative: the figures hold for this page and this period.</source>
        <translation>So berichtet, wie gemessen, auch wenn der Zusammenhang schwach oder negativ ist: Die Zahlen gelten für diese Seite und diesen Zeitraum.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="216"/>
        <source>No figure on this page to check the advice against.</source>
        <translation>Auf dieser Seite gibt es keine Kennzahl, an der sich der Rat prüfen ließe.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="220"/>
        <source>en</source>
        <comment>the locale whose number format the audit window uses: de for German</comment>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="240"/>
        <source>No posts with this figure.</source>
        <translation>Keine Beiträge mit dieser Kennzahl.</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="241"/>
        <source>Dialogue score</source>
        <translation>Dialog-Wert</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="241"/>
        <location filename="../../gui/audit/view.py" line="242"/>
        <source>percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="242"/>
        <source>Shareability score</source>
        <translation>Weitergabe-Wert</translation>
    </message>
    <message>
        <location filename="../../gui/audit/view.py" line="245"/>
        <source>No dated posts with this figure.</source>
        <translation>Keine datierten Beiträge mit dieser Kennzahl.</translation>
    </message>
</context>
<context>
    <name>CoachPanel</name>
    <message>
        <location filename="../../gui/panel/top_row.py" line="65"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="66"/>
        <source>Platform the post is written for</source>
        <translation>Plattform, für die der Beitrag geschrieben wird</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="67"/>
        <source>Language of the draft</source>
        <translation>Sprache des Entwurfs</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="68"/>
        <source>Language of the draft: detected automatically or chosen</source>
        <translation>Sprache des Entwurfs: automatisch erkannt oder gewählt</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="113"/>
        <source>Characters: %1 of %2</source>
        <translation>Zeichen: %1 von %2</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="116"/>
        <source>Characters: %1</source>
        <translation>Zeichen: %1</translation>
    </message>
    <message>
        <location filename="../../gui/panel/panel.py" line="286"/>
        <source>Scores as a radar chart</source>
        <translation>Bewertungen als Netzdiagramm</translation>
    </message>
    <message>
        <location filename="../../gui/panel/panel.py" line="287"/>
        <source>Findings</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location filename="../../gui/panel/panel.py" line="288"/>
        <source>Findings by dimension</source>
        <translation>Hinweise nach Bereich</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="124"/>
        <source>Details of the selected finding</source>
        <translation>Einzelheiten zum gewählten Hinweis</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="125"/>
        <source>Select a finding to see what to do about it.</source>
        <translation>Wählen Sie einen Hinweis, um zu sehen, was Sie tun können.</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="126"/>
        <source>Why?</source>
        <translation>Warum?</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="127"/>
        <source>Go to text</source>
        <translation>Zum Text</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="128"/>
        <source>Edit the passage in the draft (Ctrl+Enter)</source>
        <translation>Die Stelle im Entwurf bearbeiten (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="129"/>
        <source>Go to the passage in the draft to edit it</source>
        <translation>Zur Stelle im Entwurf gehen, um sie zu bearbeiten</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="130"/>
        <source>Why? Show the reasoning and source</source>
        <translation>Warum? Begründung und Quelle zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="131"/>
        <source>How well this rule is backed by data: measured against public data sets with `resonanz validate`.</source>
        <translation>Wie gut diese Regel durch Daten gestützt ist: gemessen an öffentlichen Datensätzen mit `resonanz validate`.</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="174"/>
        <source>Points: %1</source>
        <translation>Punkte: %1</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="198"/>
        <source>Evidence: %1</source>
        <translation>Evidenz: %1</translation>
    </message>
    <message>
        <location filename="../../gui/panel/panel.py" line="291"/>
        <location filename="../../gui/panel/panel.py" line="292"/>
        <source>Score history</source>
        <translation>Verlauf der Bewertungen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/panel.py" line="293"/>
        <source>Scores over the saved revisions</source>
        <translation>Bewertungen über die gespeicherten Fassungen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_list.py" line="114"/>
        <source>Error</source>
        <extracomment>Groups of the findings tree: the four scored dimensions, then spelling and grammar (never scored). The groups of a reply to a comment: its one score, then spelling and grammar.</extracomment>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_list.py" line="115"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_list.py" line="116"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_list.py" line="117"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_list.py" line="118"/>
        <source>Works well</source>
        <translation>Gelungen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_list.py" line="133"/>
        <source>%1, findings: %2</source>
        <translation>%1, Hinweise: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/panel/panel.py" line="307"/>
        <source>… and %n more findings in this group</source>
        <translation>
            <numerusform>… und %n weiterer Hinweis in dieser Gruppe</numerusform>
            <numerusform>… und %n weitere Hinweise in dieser Gruppe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="135"/>
        <source>Add to dictionary</source>
        <translation>Zum Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="136"/>
        <source>Add this word to your dictionary</source>
        <translation>Dieses Wort zu Ihrem Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/panel.py" line="289"/>
        <source>A click or Enter selects the passage in the draft; Ctrl+Enter goes there to edit it.</source>
        <translation>Ein Klick oder Eingabe markiert die Stelle im Entwurf; Strg+Eingabe springt zum Bearbeiten dorthin.</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_roles.py" line="69"/>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_roles.py" line="70"/>
        <source>Shareability</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_roles.py" line="71"/>
        <source>Clarity</source>
        <translation>Klarheit</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_roles.py" line="72"/>
        <source>Platform fit</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_roles.py" line="73"/>
        <source>Spelling and grammar</source>
        <translation>Rechtschreibung und Grammatik</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_roles.py" line="74"/>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="120"/>
        <source>%1 too many</source>
        <comment>characters over the limit</comment>
        <translation>%1 zu viel</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="122"/>
        <source>%1 over the limit</source>
        <translation>%1 über der Grenze</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="133"/>
        <source>Auto (detected: %1)</source>
        <translation>Automatisch (erkannt: %1)</translation>
    </message>
    <message>
        <location filename="../../gui/panel/top_row.py" line="135"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="164"/>
        <location filename="../../gui/panel/finding_detail.py" line="165"/>
        <source>Replace with “%1”</source>
        <translation>Durch „%1“ ersetzen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/finding_detail.py" line="179"/>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <location filename="../../gui/panel/findings_note.py" line="44"/>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <location filename="../../gui/panel/findings_note.py" line="45"/>
        <source>amber</source>
        <translation>gelb</translation>
    </message>
    <message>
        <location filename="../../gui/panel/findings_note.py" line="50"/>
        <source>Not enough text to judge yet. Write two or three sentences of your own: the scores and findings appear as soon as there is something to weigh.</source>
        <translation>Noch zu wenig Text zum Bewerten. Schreiben Sie zwei, drei eigene Sätze: Die Werte und Hinweise erscheinen, sobald es etwas abzuwägen gibt.</translation>
    </message>
    <message>
        <location filename="../../gui/panel/findings_note.py" line="60"/>
        <source>No problems marked, and the reply score is green.</source>
        <translation>Keine Probleme markiert, und der Antwort-Score ist grün.</translation>
    </message>
    <message>
        <location filename="../../gui/panel/findings_note.py" line="61"/>
        <source>No problems marked, and all four scores are green.</source>
        <translation>Keine Probleme markiert, und alle vier Werte sind grün.</translation>
    </message>
    <message>
        <location filename="../../gui/panel/findings_note.py" line="64"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../gui/panel/findings_note.py" line="69"/>
        <source>No problems marked, but not every score is green: %1. Open a score above to see what lowers it.</source>
        <translation>Keine Probleme markiert, aber nicht jeder Wert ist grün: %1. Öffnen Sie oben einen Wert, um zu sehen, was ihn senkt.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="223"/>
        <source>Compare: {first} ↔ {second}</source>
        <translation>Vergleich: {first} ↔ {second}</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../gui/editor/compare.py" line="147"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="148"/>
        <source>Revision</source>
        <translation>Überarbeitung</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="149"/>
        <source>Original draft</source>
        <translation>Ursprünglicher Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="150"/>
        <source>Revised draft</source>
        <translation>Überarbeiteter Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="152"/>
        <source>The client&apos;s original draft</source>
        <translation>Der ursprüngliche Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="153"/>
        <source>Paste the client&apos;s original draft here: it becomes the original to compare with.</source>
        <translation>Fügen Sie hier den ursprünglichen Entwurf der Kundin oder des Kunden ein: Er wird zum Original für den Vergleich.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="155"/>
        <source>The revision</source>
        <translation>Die Überarbeitung</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="157"/>
        <location filename="../../gui/editor/compare.py" line="284"/>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="157"/>
        <location filename="../../gui/editor/compare.py" line="285"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="157"/>
        <location filename="../../gui/editor/compare.py" line="168"/>
        <source>Strengths gained</source>
        <translation>Neue Stärken</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="163"/>
        <source>Filled: %1 · dashed: %2</source>
        <translation>Gefüllt: %1 · gestrichelt: %2</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="165"/>
        <source>Filled: revision · dashed: original</source>
        <translation>Gefüllt: Überarbeitung · gestrichelt: Original</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="166"/>
        <source>Resolved problems</source>
        <translation>Behobene Probleme</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="167"/>
        <source>New problems</source>
        <translation>Neue Probleme</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="169"/>
        <source>Problems of the original that the revision no longer has</source>
        <translation>Probleme des Originals, die die Überarbeitung nicht mehr hat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="170"/>
        <source>Problems the revision has and the original had not</source>
        <translation>Probleme, die die Überarbeitung hat und das Original nicht</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="171"/>
        <source>Strengths the revision added</source>
        <translation>Stärken, die die Überarbeitung hinzugewonnen hat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="172"/>
        <source>Nothing to compare yet.</source>
        <translation>Noch nichts zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="173"/>
        <source>No problem of the original was resolved.</source>
        <translation>Kein Problem des Originals wurde behoben.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="174"/>
        <source>None: the revision adds no new problems.</source>
        <translation>Keine: Die Überarbeitung bringt keine neuen Probleme.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="175"/>
        <source>No new strengths.</source>
        <translation>Keine neuen Stärken.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="178"/>
        <source>Struck through: passages whose problems the revision resolved</source>
        <translation>Durchgestrichen: Stellen, deren Probleme die Überarbeitung behoben hat</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="179"/>
        <source>Underlined: passages with problems the revision added</source>
        <translation>Unterstrichen: Stellen mit Problemen, die die Überarbeitung neu hat</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/compare.py" line="202"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="208"/>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="209"/>
        <source>Shareability</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="210"/>
        <source>Clarity</source>
        <translation>Klarheit</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="211"/>
        <source>Platform fit</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="212"/>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="225"/>
        <source>No comparison yet</source>
        <translation>Noch kein Vergleich</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="230"/>
        <source>{name}: not enough text to judge</source>
        <translation>{name}: zu wenig Text zum Bewerten</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="233"/>
        <source>{name}: {before} to {after}, change {delta}</source>
        <translation>{name}: {before} auf {after}, Veränderung {delta}</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare.py" line="234"/>
        <source>{name} score of the original and of the revision</source>
        <translation>{name}: Bewertung des Originals und der Überarbeitung</translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <location filename="../../gui/editor/text_editor.py" line="96"/>
        <source>Draft</source>
        <extracomment>Marked severities (&quot;info&quot; is not marked; &quot;good&quot; gets a background, the rest an underline). Paint order: later selections are drawn over earlier ones, so stronger problems end up on top.</extracomment>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor/text_editor.py" line="97"/>
        <source>Text of the post; passages the coach comments on are underlined</source>
        <translation>Text des Beitrags; kommentierte Stellen sind unterstrichen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/text_editor.py" line="98"/>
        <source>Write or paste your post here…</source>
        <translation>Schreiben oder fügen Sie Ihren Beitrag hier ein …</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="116"/>
        <location filename="../../gui/coaching/drafts_view.py" line="117"/>
        <source>Search drafts</source>
        <translation>Entwürfe durchsuchen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="118"/>
        <source>&amp;Trash</source>
        <translation>&amp;Papierkorb</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="119"/>
        <source>Show the trash</source>
        <translation>Papierkorb anzeigen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="120"/>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="122"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="122"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="122"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="123"/>
        <source>Last changed; in the trash: when it was deleted</source>
        <translation>Zuletzt geändert; im Papierkorb: wann er gelöscht wurde</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="125"/>
        <source>Score of the newest saved version (–: none saved yet)</source>
        <translation>Wert der neuesten gespeicherten Fassung (–: noch keine gespeichert)</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="126"/>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="127"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="128"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="129"/>
        <source>Move the draft to the trash</source>
        <translation>Den Entwurf in den Papierkorb verschieben</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="130"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="131"/>
        <source>&amp;Empty trash</source>
        <translation>Papierkorb &amp;leeren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="182"/>
        <source>en</source>
        <comment>the locale whose date format My drafts uses: de for German</comment>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="184"/>
        <source>(empty draft)</source>
        <translation>(leerer Entwurf)</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="201"/>
        <source>A reply to a comment</source>
        <translation>Eine Antwort auf einen Kommentar</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/drafts_view.py" line="275"/>
        <source>Empty trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/drafts_view.py" line="276"/>
        <source>Delete %n draft(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>%n Entwurf im Papierkorb endgültig löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Entwürfe im Papierkorb endgültig löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExerciseBrowser</name>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="121"/>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="122"/>
        <source>Dead end</source>
        <translation>Sackgasse</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="123"/>
        <source>Ad-speak</source>
        <translation>Werbesprech</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="124"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="125"/>
        <source>Hook</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="126"/>
        <source>Critical comments</source>
        <translation>Kritische Kommentare</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="127"/>
        <source>Replies to comments</source>
        <translation>Antworten auf Kommentare</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="128"/>
        <source>Recognition</source>
        <translation>Anerkennung</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="129"/>
        <location filename="../../gui/coaching/exercise_browser.py" line="144"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="134"/>
        <location filename="../../gui/coaching/exercise_browser.py" line="135"/>
        <source>Search exercises</source>
        <translation>Übungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="136"/>
        <source>All languages</source>
        <translation>Alle Sprachen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="137"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="143"/>
        <source>All platforms</source>
        <translation>Alle Plattformen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="145"/>
        <source>All topics</source>
        <translation>Alle Themen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="146"/>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="147"/>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="148"/>
        <source>Exercise instructions</source>
        <translation>Anleitung der Übung</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="149"/>
        <source>&amp;Import pack…</source>
        <translation>Paket &amp;importieren …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="150"/>
        <source>Add the exercises of a .resonanzpack file to the library</source>
        <translation>Die Übungen einer .resonanzpack-Datei in die Bibliothek übernehmen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="151"/>
        <source>E&amp;xport pack…</source>
        <translation>Paket e&amp;xportieren …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="152"/>
        <source>Save the exercises listed now as one .resonanzpack file to share</source>
        <translation>Die angezeigten Übungen als eine .resonanzpack-Datei zum Weitergeben speichern</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="153"/>
        <source>&amp;Start exercise</source>
        <translation>Übung &amp;starten</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="154"/>
        <source>Start exercise</source>
        <translation>Übung starten</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="183"/>
        <location filename="../../gui/coaching/exercise_browser.py" line="189"/>
        <location filename="../../gui/coaching/exercise_browser.py" line="191"/>
        <source>Import exercise pack</source>
        <translation>Übungspaket importieren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="183"/>
        <location filename="../../gui/coaching/exercise_browser.py" line="194"/>
        <source>Exercise packs (*.resonanzpack)</source>
        <translation>Übungspakete (*.resonanzpack)</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="189"/>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/exercise_browser.py" line="191"/>
        <source>%n exercise(s) imported.</source>
        <translation>
            <numerusform>%n Übung importiert.</numerusform>
            <numerusform>%n Übungen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/coaching/exercise_browser.py" line="194"/>
        <location filename="../../gui/coaching/exercise_browser.py" line="200"/>
        <source>Export exercise pack</source>
        <translation>Übungspaket exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/exercise_browser.py" line="248"/>
        <source>%n exercise(s)</source>
        <translation>
            <numerusform>%n Übung</numerusform>
            <numerusform>%n Übungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/reports/export.py" line="171"/>
        <location filename="../../gui/reports/export.py" line="295"/>
        <source>Export report: %1</source>
        <translation>Bericht exportieren: %1</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="193"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="194"/>
        <source>Web page, one file (*.html)</source>
        <translation>Webseite, eine Datei (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="195"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="196"/>
        <source>Scores as CSV (*.csv)</source>
        <translation>Werte als CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="198"/>
        <location filename="../../gui/reports/export.py" line="231"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="219"/>
        <location filename="../../gui/reports/export.py" line="291"/>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="220"/>
        <source>Writing %1 …</source>
        <translation>Schreibe %1 …</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="225"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="229"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="236"/>
        <location filename="../../gui/reports/export.py" line="291"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/reports/export.py" line="241"/>
        <source>Saved %1 (%n page(s)).</source>
        <translation>
            <numerusform>Gespeichert: %1 (%n Seite).</numerusform>
            <numerusform>Gespeichert: %1 (%n Seiten).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="243"/>
        <source>Saved %1.</source>
        <translation>Gespeichert: %1.</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="251"/>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="279"/>
        <source>PDF (to print or send)</source>
        <translation>PDF (zum Drucken oder Verschicken)</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="280"/>
        <source>HTML (one file, opens offline)</source>
        <translation>HTML (eine Datei, öffnet offline)</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="281"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="282"/>
        <source>CSV (raw scores)</source>
        <translation>CSV (Rohwerte)</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="286"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="287"/>
        <source>Report &amp;language</source>
        <translation>&amp;Sprache des Berichts</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="288"/>
        <source>&amp;Paper size</source>
        <translation>&amp;Papierformat</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="289"/>
        <source>Show &amp;pseudonyms instead of names</source>
        <translation>&amp;Pseudonyme statt Namen zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="290"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="292"/>
        <source>Preview of the report</source>
        <translation>Vorschau des Berichts</translation>
    </message>
    <message>
        <location filename="../../gui/reports/export.py" line="293"/>
        <source>Export progress</source>
        <translation>Fortschritt des Exports</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="30"/>
        <location filename="../../gui/editor/find_bar.py" line="31"/>
        <source>Find in draft</source>
        <translation>Im Entwurf suchen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="32"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="57"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>GrammarSettingsDialog</name>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="244"/>
        <source>Nothing leaves this computer. Unknown words are marked with the offline dictionary.</source>
        <translation>Nichts verlässt diesen Rechner. Unbekannte Wörter markiert das Offline-Wörterbuch.</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="246"/>
        <source>Nothing leaves this computer: LanguageTool runs here (Java) and is reached only on 127.0.0.1.</source>
        <translation>Nichts verlässt diesen Rechner: LanguageTool läuft hier (Java) und ist nur über 127.0.0.1 erreichbar.</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="247"/>
        <source>the server</source>
        <translation>den Server</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="248"/>
        <source>Your draft&apos;s text and language are sent to %1 for every check (after a pause in typing). Nothing else is sent.</source>
        <translation>Text und Sprache Ihres Entwurfs werden bei jeder Prüfung (nach einer Tipp-Pause) an %1 gesendet. Sonst nichts.</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="254"/>
        <source>Enter the address of a LanguageTool server, or choose another mode.</source>
        <translation>Geben Sie die Adresse eines LanguageTool-Servers ein oder wählen Sie eine andere Einstellung.</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="258"/>
        <source>Send drafts to a server?</source>
        <translation>Entwürfe an einen Server senden?</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="259"/>
        <source>Use this server?</source>
        <translation>Diesen Server verwenden?</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="274"/>
        <source>LanguageTool folder</source>
        <translation>LanguageTool-Ordner</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="288"/>
        <source>Downloading LanguageTool …</source>
        <translation>LanguageTool wird heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="300"/>
        <source>Download failed: %1</source>
        <translation>Download fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="303"/>
        <source>LanguageTool is ready in %1.</source>
        <translation>LanguageTool liegt bereit in %1.</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="307"/>
        <source>Spelling and grammar</source>
        <translation>Rechtschreibung und Grammatik</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="308"/>
        <source>&amp;Off: only the offline dictionary (default)</source>
        <translation>&amp;Aus: nur das Offline-Wörterbuch (Standard)</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="309"/>
        <source>LanguageTool on this &amp;computer (needs Java 17 or newer)</source>
        <translation>LanguageTool auf diesem &amp;Rechner (braucht Java 17 oder neuer)</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="310"/>
        <source>LanguageTool &amp;server (self-hosted or public)</source>
        <translation>LanguageTool-&amp;Server (eigener oder öffentlicher)</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="311"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="312"/>
        <source>empty: LTP_PATH or the downloaded copy</source>
        <translation>leer: LTP_PATH oder die heruntergeladene Kopie</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="313"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="314"/>
        <source>&amp;Download LanguageTool (about 250 MB)</source>
        <translation>LanguageTool &amp;herunterladen (etwa 250 MB)</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="315"/>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="316"/>
        <source>Use the &amp;public server</source>
        <translation>Den ö&amp;ffentlichen Server nutzen</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="317"/>
        <source>Mark unknown words with the offline &amp;dictionary when LanguageTool is off or unavailable</source>
        <translation>Unbekannte Wörter mit dem Offline-&amp;Wörterbuch markieren, wenn LanguageTool aus oder nicht erreichbar ist</translation>
    </message>
</context>
<context>
    <name>GrammarStatus</name>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="118"/>
        <source>Spelling: offline dictionary on this computer (LanguageTool is off).</source>
        <translation>Rechtschreibung: Offline-Wörterbuch auf diesem Rechner (LanguageTool ist aus).</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="119"/>
        <source>Spelling and grammar: off.</source>
        <translation>Rechtschreibung und Grammatik: aus.</translation>
    </message>
    <message>
        <location filename="../../gui/proofing/grammar.py" line="124"/>
        <source>Offline dictionary in use.</source>
        <translation>Das Offline-Wörterbuch prüft so lange.</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <location filename="../../gui/panel/charts.py" line="204"/>
        <source>No revisions yet</source>
        <extracomment>Angles of the radar axes in screen coordinates: dialogue top, shareability right, clarity bottom, platform fit left. One line style and marker per dimension (same order as the editor&apos;s underline styles). The traffic-light thresholds (common.toml: red_below, green_from).</extracomment>
        <translation>Noch keine Fassungen</translation>
    </message>
    <message>
        <location filename="../../gui/panel/charts.py" line="205"/>
        <source>Save a revision to follow the scores from version to version.</source>
        <translation>Speichern Sie eine Fassung, um die Bewertungen von Version zu Version zu verfolgen.</translation>
    </message>
</context>
<context>
    <name>LiveRound</name>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="103"/>
        <source>A live round is running; close it first.</source>
        <translation>Eine Live-Runde läuft; schließen Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="105"/>
        <source>Select a session in the list or create one with New session first.</source>
        <translation>Wählen Sie zuerst eine Sitzung in der Liste aus oder legen Sie mit „Neue Sitzung“ eine an.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="107"/>
        <source>Choose the exercise of the round first.</source>
        <translation>Wählen Sie zuerst die Übung der Runde.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="109"/>
        <source>Let the participants write their attempts on their own phones or laptops: shows a QR code to join, and the gallery fills up as they submit.</source>
        <translation>Die Teilnehmenden schreiben ihre Versuche auf dem eigenen Handy oder Laptop: Ein QR-Code führt zur Runde, und die Galerie füllt sich, sobald sie abgeben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/live_round.py" line="185"/>
        <source>%n device(s) joined</source>
        <translation>
            <numerusform>%n Gerät verbunden</numerusform>
            <numerusform>%n Geräte verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/live_round.py" line="185"/>
        <source>%n attempt(s) submitted</source>
        <translation>
            <numerusform>%n Versuch abgegeben</numerusform>
            <numerusform>%n Versuche abgegeben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="217"/>
        <source>The live round stopped: %1</source>
        <translation>Die Live-Runde ist beendet: %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="217"/>
        <source>The live round could not start: %1</source>
        <translation>Die Live-Runde konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="264"/>
        <source>Live round: %1</source>
        <translation>Live-Runde: %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="266"/>
        <source>Closing the live round…</source>
        <translation>Die Live-Runde wird geschlossen …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="268"/>
        <source>Starting the live round…</source>
        <translation>Die Live-Runde startet …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="292"/>
        <source>Start &amp;live round…</source>
        <translation>&amp;Live-Runde starten …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="293"/>
        <source>Start a live round: participants join with their own devices</source>
        <translation>Live-Runde starten: Die Teilnehmenden machen mit dem eigenen Gerät mit</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="294"/>
        <source>Show &amp;join card</source>
        <translation>Beitritts&amp;karte zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="295"/>
        <source>Close round</source>
        <translation>Runde schließen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="296"/>
        <source>Close the live round</source>
        <translation>Die Live-Runde schließen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="304"/>
        <source>Join the live round</source>
        <translation>Machen Sie mit bei der Live-Runde</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="305"/>
        <source>Scan the code or open this address on your phone or laptop:</source>
        <translation>Scannen Sie den Code oder öffnen Sie diese Adresse auf Handy oder Laptop:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="306"/>
        <source>Join code</source>
        <translation>Code der Runde</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="307"/>
        <source>Plain HTTP on this network: do not send confidential texts.</source>
        <translation>Unverschlüsseltes HTTP in diesem Netz: Senden Sie keine vertraulichen Texte.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="308"/>
        <source>Show the &amp;gallery</source>
        <translation>&amp;Galerie zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/live_round.py" line="309"/>
        <source>&amp;Close round</source>
        <translation>Runde &amp;schließen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/editor/main_window.py" line="114"/>
        <source>Could not save the draft: %1</source>
        <extracomment>(message, milliseconds) for the status bar; safe to emit from any thread (queued to the UI)</extracomment>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="126"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="127"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="128"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="129"/>
        <source>&amp;Draft</source>
        <translation>E&amp;ntwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="130"/>
        <source>E&amp;xercises</source>
        <translation>Ü&amp;bungen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="131"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="132"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="133"/>
        <source>Interface &amp;language</source>
        <translation>&amp;Sprache der Oberfläche</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="134"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="136"/>
        <source>&amp;New draft</source>
        <translation>&amp;Neuer Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="137"/>
        <source>New re&amp;ply to a comment…</source>
        <translation>Neue &amp;Antwort auf einen Kommentar…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="138"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="139"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="140"/>
        <source>Export to &amp;file…</source>
        <translation>In &amp;Datei exportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="141"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="142"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="143"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="144"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="145"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="146"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="147"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="148"/>
        <source>&amp;Go to text</source>
        <translation>&amp;Zum Text</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="149"/>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="150"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="151"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="152"/>
        <source>&amp;Normal size</source>
        <translation>&amp;Normale Größe</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="153"/>
        <source>Keep this version as &amp;original</source>
        <translation>Diese Fassung als &amp;Original behalten</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="154"/>
        <source>&amp;Compare with original</source>
        <translation>Mit Original &amp;vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="155"/>
        <source>Save &amp;revision</source>
        <translation>&amp;Fassung speichern</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="156"/>
        <source>&amp;About Resonanz</source>
        <translation>Ü&amp;ber Resonanz</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="157"/>
        <source>My &amp;drafts…</source>
        <translation>Meine &amp;Entwürfe…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="158"/>
        <source>Exercise &amp;library…</source>
        <translation>Übungs&amp;bibliothek…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="159"/>
        <source>&amp;End exercise</source>
        <translation>Übung &amp;beenden</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="160"/>
        <source>Coaching &amp;sessions and workshops…</source>
        <translation>Coaching-&amp;Sitzungen und Workshops …</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="161"/>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="162"/>
        <source>Page &amp;audit…</source>
        <translation>Seiten-&amp;Audit …</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="163"/>
        <source>&amp;Spelling and grammar…</source>
        <translation>&amp;Rechtschreibung und Grammatik …</translation>
    </message>
    <message>
        <location filename="../../gui/editor/actions.py" line="164"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../gui/editor/main_window.py" line="147"/>
        <source>Draft and coaching panel</source>
        <translation>Entwurf und Coaching-Leiste</translation>
    </message>
    <message>
        <location filename="../../gui/editor/main_window.py" line="148"/>
        <source>Coaching panel</source>
        <translation>Coaching-Leiste</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempt_view.py" line="115"/>
        <location filename="../../gui/editor/live.py" line="97"/>
        <location filename="../../gui/editor/live.py" line="138"/>
        <source>… more</source>
        <translation>… mehr</translation>
    </message>
    <message>
        <location filename="../../gui/editor/live.py" line="157"/>
        <source>The text changed; the suggestion is checked again.</source>
        <translation>Der Text hat sich geändert; der Vorschlag wird neu geprüft.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/live.py" line="176"/>
        <source>Could not add the word: %1</source>
        <translation>Das Wort konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <location filename="../../gui/editor/live.py" line="180"/>
        <source>“%1” is in your dictionary now.</source>
        <translation>„%1“ steht jetzt in Ihrem Wörterbuch.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="96"/>
        <source>Coaching sessions and workshops</source>
        <translation>Coaching-Sitzungen und Workshops</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="127"/>
        <source>Exercise library</source>
        <translation>Übungsbibliothek</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="150"/>
        <source>My drafts</source>
        <translation>Meine Entwürfe</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="194"/>
        <source>Write a draft first; the report is about its text.</source>
        <translation>Schreiben Sie zuerst einen Entwurf; der Bericht handelt von seinem Text.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="201"/>
        <source>Exported as report</source>
        <translation>Als Bericht exportiert</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="205"/>
        <source>Report saved: %1</source>
        <translation>Bericht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="165"/>
        <source>The open draft is in the trash now; My drafts → Trash restores it.</source>
        <translation>Der geöffnete Entwurf liegt jetzt im Papierkorb; Meine Entwürfe → Papierkorb stellt ihn wieder her.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="35"/>
        <source>%1 is not a text file.</source>
        <translation>%1 ist keine Textdatei.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="38"/>
        <source>%1 could not be opened as UTF-8 text.</source>
        <translation>%1 ließ sich nicht als UTF-8-Text öffnen.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="30"/>
        <location filename="../../gui/editor/files.py" line="39"/>
        <location filename="../../gui/editor/files.py" line="67"/>
        <source>Open draft</source>
        <translation>Entwurf öffnen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="30"/>
        <source>%1 is Resonanz&apos;s database, not a draft. My drafts (Ctrl+Shift+O) shows the drafts in it.</source>
        <translation>%1 ist die Datenbank von Resonanz, kein Entwurf. Meine Entwürfe (Strg+Umschalt+O) zeigt die Entwürfe darin.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="85"/>
        <source>Saved in My drafts. Every change is saved there as you type; File › Export to file… writes a copy.</source>
        <translation>In „Meine Entwürfe“ gespeichert. Jede Änderung wird dort beim Schreiben gespeichert; Datei › In Datei exportieren… schreibt eine Kopie.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="93"/>
        <source>draft.txt</source>
        <translation>entwurf.txt</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="94"/>
        <location filename="../../gui/editor/files.py" line="109"/>
        <source>Export draft to a file</source>
        <translation>Entwurf in eine Datei exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="110"/>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="141"/>
        <source>File not updated</source>
        <translation>Datei nicht aktualisiert</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="142"/>
        <source>%1 on disk does not have your latest changes. They are kept in My drafts either way.</source>
        <translation>%1 auf dem Datenträger hat Ihre letzten Änderungen noch nicht. In „Meine Entwürfe“ bleiben sie in jedem Fall erhalten.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="143"/>
        <source>Write changes to %1</source>
        <translation>Änderungen in %1 schreiben</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="144"/>
        <source>Leave the file as it is</source>
        <translation>Datei so lassen, wie sie ist</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="147"/>
        <source>Draft not kept anywhere</source>
        <translation>Entwurf nirgends gespeichert</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="148"/>
        <source>This draft is not in My drafts (the database is read-only or not open), so it is lost when the editor shows something else.</source>
        <translation>Dieser Entwurf ist nicht in „Meine Entwürfe“ (die Datenbank ist schreibgeschützt oder nicht geöffnet). Er geht verloren, wenn der Editor etwas anderes zeigt.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="149"/>
        <source>Export to file…</source>
        <translation>In Datei exportieren…</translation>
    </message>
    <message>
        <location filename="../../gui/editor/files.py" line="150"/>
        <source>Discard the draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="185"/>
        <source>Revision %1</source>
        <translation>Fassung %1</translation>
    </message>
    <message>
        <location filename="../../gui/editor/document.py" line="207"/>
        <source>This version is now the original to compare against.</source>
        <translation>Diese Fassung ist jetzt das Original für den Vergleich.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="66"/>
        <source>Compare with original</source>
        <translation>Mit Original vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="218"/>
        <source>About Resonanz</source>
        <translation>Über Resonanz</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="222"/>
        <source>Coaching for social-media posts of organisations: dialogue instead of monologue, no dead ends.</source>
        <translation>Coaching für Social-Media-Beiträge von Organisationen: Dialog statt Monolog, keine Sackgassen.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/dialogs.py" line="223"/>
        <source>Licence: MIT. Runs offline; your drafts never leave this computer.</source>
        <translation>Lizenz: MIT. Läuft offline; Ihre Entwürfe verlassen diesen Rechner nie.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/window_title.py" line="37"/>
        <source>Untitled draft</source>
        <translation>Unbenannter Entwurf</translation>
    </message>
    <message>
        <location filename="../../gui/editor/window_title.py" line="33"/>
        <source>Resonanz (read-only)</source>
        <translation>Resonanz (schreibgeschützt)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/main_window.py" line="267"/>
        <source>Read-only database: changes are not saved there; File › Export to file… keeps them.</source>
        <translation>Schreibgeschützte Datenbank: Änderungen werden dort nicht gespeichert; Datei › In Datei exportieren… sichert sie.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/main_window.py" line="277"/>
        <source>Too long for live marks (over %1 characters): only the visible part is marked, scores still update</source>
        <translation>Zu lang für Markierungen beim Tippen (über %1 Zeichen): nur der sichtbare Teil wird markiert, die Werte werden weiter aktualisiert</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/main_window.py" line="285"/>
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/main_window.py" line="285"/>
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n Satz</numerusform>
            <numerusform>%n Sätze</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/editor/main_window.py" line="287"/>
        <source>reading time %1 s</source>
        <translation>Lesezeit %1 s</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../gui/audit/dialog.py" line="45"/>
        <source>Which column is what?</source>
        <extracomment>the fields a mapping may name, with what the person sees</extracomment>
        <translation>Welche Spalte ist was?</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="48"/>
        <source>Post text</source>
        <translation>Beitragstext</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="48"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="48"/>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="48"/>
        <source>Shares / reposts</source>
        <translation>Teilungen / Reposts</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="49"/>
        <source>Reactions / likes</source>
        <translation>Reaktionen / Likes</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="49"/>
        <source>Impressions / reach</source>
        <translation>Impressionen / Reichweite</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="49"/>
        <source>Link clicks</source>
        <translation>Link-Klicks</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="52"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../gui/audit/dialog.py" line="60"/>
        <source>Resonanz does not know this export&apos;s layout. Say which column is what; only the text is required.</source>
        <translation>Resonanz kennt den Aufbau dieses Exports nicht. Geben Sie an, welche Spalte was enthält; nur der Text ist Pflicht.</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <location filename="../../gui/coaching/join_card.py" line="57"/>
        <source>Start a live round</source>
        <translation>Live-Runde starten</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/join_card.py" line="59"/>
        <source>Which network are the participants&apos; phones and laptops on?</source>
        <translation>In welchem Netz sind die Handys und Laptops der Teilnehmenden?</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/join_card.py" line="65"/>
        <source>%1 — this computer only (demo)</source>
        <translation>%1 — nur dieser Computer (Demo)</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/join_card.py" line="65"/>
        <source>%1 — the room&apos;s network</source>
        <translation>%1 — das Netz des Raums</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/join_card.py" line="74"/>
        <source>The round is plain HTTP on this network: everybody on it can read the drafts participants send, as they type them; the join code only keeps out those who do not know it. Do not run a live round for confidential texts, or choose “this computer only”.</source>
        <translation>Die Runde läuft über unverschlüsseltes HTTP in diesem Netz: Wer im selben Netz ist, kann die Entwürfe mitlesen, die Teilnehmende senden, schon während sie tippen; der Code hält nur fern, wer ihn nicht kennt. Nutzen Sie keine Live-Runde für vertrauliche Texte, oder wählen Sie „nur dieser Computer“.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/join_card.py" line="82"/>
        <source>&amp;Start round</source>
        <translation>Runde &amp;starten</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="75"/>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="76"/>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="77"/>
        <source>Individual coaching</source>
        <translation>Einzelcoaching</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="78"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="78"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="78"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="78"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="80"/>
        <source>Session kind</source>
        <translation>Art der Sitzung</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="81"/>
        <source>Session title</source>
        <translation>Titel der Sitzung</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="82"/>
        <source>Session date</source>
        <translation>Datum der Sitzung</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="83"/>
        <source>Facilitator notes</source>
        <translation>Notizen der Moderation</translation>
    </message>
</context>
<context>
    <name>OriginalCompare</name>
    <message>
        <location filename="../../gui/editor/compare_window.py" line="89"/>
        <source>There is no original to compare with yet. Paste the client&apos;s original draft into the left pane, or keep the current version as the original (also in Draft › Keep this version as original) and compare your next changes with it.</source>
        <translation>Es gibt noch kein Original zum Vergleichen. Fügen Sie den ursprünglichen Entwurf der Kundin oder des Kunden links ein, oder behalten Sie die aktuelle Fassung als Original (auch unter Entwurf › Diese Fassung als Original behalten) und vergleichen Sie Ihre nächsten Änderungen damit.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare_window.py" line="93"/>
        <source>Use current version as original</source>
        <translation>Aktuelle Fassung als Original nehmen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/compare_window.py" line="94"/>
        <source>Use the current version of the draft as the original</source>
        <translation>Die aktuelle Fassung des Entwurfs als Original nehmen</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="122"/>
        <source>Add participant</source>
        <translation>Teilnehmer:in hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="123"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="124"/>
        <source>&amp;Pseudonym (optional):</source>
        <translation>&amp;Pseudonym (optional):</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="125"/>
        <source>shown instead of the name on the projector</source>
        <translation>wird am Beamer statt des Namens gezeigt</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="130"/>
        <source>Participant name</source>
        <translation>Name der Teilnehmer:in</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_dialogs.py" line="131"/>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../gui/coaching/progress.py" line="94"/>
        <source>Choose a participant to see their progress.</source>
        <translation>Wählen Sie eine Teilnehmer:in, um den Fortschritt zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/progress.py" line="96"/>
        <source>Progress of {name}: %n attempt(s)</source>
        <translation>
            <numerusform>Fortschritt von {name}: %n Versuch</numerusform>
            <numerusform>Fortschritt von {name}: %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/coaching/progress.py" line="98"/>
        <source>Participant progress</source>
        <translation>Fortschritt der Teilnehmer:in</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/progress.py" line="101"/>
        <source>Reply “{title}”: {first} → {last}</source>
        <translation>Antwort „{title}“: {first} → {last}</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/progress.py" line="103"/>
        <source>(target {target} reached)</source>
        <translation>(Ziel {target} erreicht)</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/progress.py" line="103"/>
        <source>(target {target} not yet reached)</source>
        <translation>(Ziel {target} noch nicht erreicht)</translation>
    </message>
</context>
<context>
    <name>ReplyFields</name>
    <message>
        <location filename="../../gui/editor/reply_mode.py" line="161"/>
        <location filename="../../gui/editor/reply_mode.py" line="163"/>
        <source>Comment you are answering</source>
        <extracomment>Lines of text the comment field shows before it scrolls; the post field shows a few less.</extracomment>
        <translation>Kommentar, auf den Sie antworten</translation>
    </message>
    <message>
        <location filename="../../gui/editor/reply_mode.py" line="162"/>
        <source>Paste or type the comment here: your reply is scored as an answer to it.</source>
        <translation>Fügen Sie den Kommentar hier ein oder tippen Sie ihn: Ihre Antwort wird als Antwort darauf bewertet.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/reply_mode.py" line="164"/>
        <source>Post the comment is under (optional)</source>
        <translation>Beitrag, unter dem der Kommentar steht (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/editor/reply_mode.py" line="165"/>
        <source>Show or hide the post the comment is under</source>
        <translation>Beitrag unter dem Kommentar zeigen oder verbergen</translation>
    </message>
    <message>
        <location filename="../../gui/editor/reply_mode.py" line="166"/>
        <source>The post, if you have it: words the comment only repeats from it are its topic, not its point.</source>
        <translation>Der Beitrag, falls Sie ihn haben: Wörter, die der Kommentar nur aus ihm wiederholt, sind sein Thema, nicht sein Punkt.</translation>
    </message>
    <message>
        <location filename="../../gui/editor/reply_mode.py" line="167"/>
        <source>Post the comment is under</source>
        <translation>Beitrag, unter dem der Kommentar steht</translation>
    </message>
    <message>
        <location filename="../../gui/editor/reply_mode.py" line="168"/>
        <source>Your reply</source>
        <translation>Ihre Antwort</translation>
    </message>
</context>
<context>
    <name>RoundAttempts</name>
    <message numerus="yes">
        <location filename="../../gui/coaching/attempts.py" line="206"/>
        <source>%n attempt(s) imported.</source>
        <translation>
            <numerusform>%n Versuch importiert.</numerusform>
            <numerusform>%n Versuche importiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScoreGauge</name>
    <message>
        <location filename="../../gui/panel/gauges.py" line="274"/>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="274"/>
        <source>amber</source>
        <translation>gelb</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="274"/>
        <source>green</source>
        <translation>grün</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="275"/>
        <source>Not enough text</source>
        <comment>a score that is not judged: the draft is too short</comment>
        <translation>Zu wenig Text</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="276"/>
        <source>Press Space to show how the score is made up.</source>
        <translation>Leertaste zeigt, wie sich die Bewertung zusammensetzt.</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="291"/>
        <source>%1 score: not enough text to judge</source>
        <translation>%1: zu wenig Text zum Bewerten</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="293"/>
        <source>%1 score not available yet</source>
        <translation>%1: noch keine Bewertung</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="295"/>
        <source>%1 score %2, %3</source>
        <translation>%1: Bewertung %2, %3</translation>
    </message>
    <message>
        <location filename="../../gui/panel/gauges.py" line="304"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <location filename="../../gui/coaching/session_common.py" line="14"/>
        <source>Dialogue</source>
        <translation>Dialog</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_common.py" line="15"/>
        <source>Shareability</source>
        <translation>Weitergabe</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_common.py" line="16"/>
        <source>Clarity</source>
        <translation>Klarheit</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_common.py" line="17"/>
        <source>Platform fit</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="97"/>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="121"/>
        <source>Participant {n}</source>
        <translation>Teilnehmer:in {n}</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="159"/>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/progress.py" line="149"/>
        <source>&amp;Export report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/progress.py" line="150"/>
        <source>Export the progress report</source>
        <translation>Den Fortschrittsbericht exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_list.py" line="20"/>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_list.py" line="20"/>
        <source>Individual</source>
        <translation>Einzeln</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_common.py" line="25"/>
        <source>Select or create a session.</source>
        <translation>Wählen oder erstellen Sie eine Sitzung.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_common.py" line="26"/>
        <source>{title} — {date}: {participants}, {attempts} in this round</source>
        <translation>{title} — {date}: {participants}, {attempts} in dieser Runde</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/sessions.py" line="310"/>
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n Teilnehmer:in</numerusform>
            <numerusform>%n Teilnehmende</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/coaching/sessions.py" line="310"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="143"/>
        <location filename="../../gui/coaching/attempts.py" line="202"/>
        <source>Import attempts from folder</source>
        <translation>Versuche aus einem Ordner importieren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="208"/>
        <source>Skipped (not a UTF-8 text file):</source>
        <translation>Übersprungen (keine UTF-8-Textdatei):</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="209"/>
        <location filename="../../gui/coaching/attempts.py" line="211"/>
        <source>Import attempts</source>
        <translation>Versuche importieren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_list.py" line="67"/>
        <source>&amp;Sessions</source>
        <translation>&amp;Sitzungen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_list.py" line="68"/>
        <source>&amp;New session…</source>
        <translation>&amp;Neue Sitzung …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="48"/>
        <source>Partici&amp;pants</source>
        <translation>Teil&amp;nehmende</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="49"/>
        <source>Add p&amp;articipant…</source>
        <translation>Teilnehmer:in &amp;hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="50"/>
        <source>Pro&amp;gress…</source>
        <translation>&amp;Fortschritt …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="51"/>
        <source>Progress &amp;report…</source>
        <translation>Fortschritts&amp;bericht …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/sessions.py" line="336"/>
        <source>&amp;Workshop report…</source>
        <translation>&amp;Workshop-Bericht …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="138"/>
        <source>E&amp;xercise of the round</source>
        <translation>Ü&amp;bung der Runde</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="139"/>
        <source>Add a&amp;ttempt…</source>
        <translation>&amp;Versuch hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="140"/>
        <source>&amp;Import folder…</source>
        <translation>Ordner &amp;importieren …</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="64"/>
        <source>&amp;Open large</source>
        <translation>Gr&amp;oß zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="65"/>
        <source>Open the selected attempt large</source>
        <translation>Den ausgewählten Versuch groß zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="66"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="67"/>
        <source>&amp;Gallery of the round</source>
        <translation>&amp;Galerie der Runde</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="68"/>
        <source>Reply score</source>
        <translation>Antwort-Score</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="69"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="70"/>
        <source>Participant</source>
        <translation>Teilnehmer:in</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="73"/>
        <source>Press Enter on an attempt to open it large; select two and press Compare; click a column header to sort.</source>
        <translation>Die Eingabetaste zeigt einen Versuch groß; wählen Sie zwei und dann „Vergleichen“; ein Klick auf eine Spaltenüberschrift sortiert.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="108"/>
        <source>Target %1: reached</source>
        <translation>Ziel %1: erreicht</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="109"/>
        <source>Target %1: not yet reached</source>
        <translation>Ziel %1: noch nicht erreicht</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_list.py" line="69"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="52"/>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="141"/>
        <source>Exercise of the round</source>
        <translation>Übung der Runde</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="71"/>
        <source>Gallery of the round&apos;s attempts</source>
        <translation>Galerie der Versuche dieser Runde</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_list.py" line="70"/>
        <source>New session</source>
        <translation>Neue Sitzung</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="53"/>
        <source>Add participant</source>
        <translation>Teilnehmer:in hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="54"/>
        <source>Show progress of the selected participant</source>
        <translation>Fortschritt der gewählten Teilnehmer:in zeigen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/participants.py" line="55"/>
        <source>Export the selected participant&apos;s progress report</source>
        <translation>Den Fortschrittsbericht der ausgewählten Person exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/sessions.py" line="337"/>
        <source>Export the workshop summary of this session</source>
        <translation>Die Workshop-Zusammenfassung dieser Sitzung exportieren</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/attempts.py" line="142"/>
        <source>Add attempt</source>
        <translation>Versuch hinzufügen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/gallery.py" line="76"/>
        <source>Compare the two selected attempts</source>
        <translation>Die zwei gewählten Versuche vergleichen</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="27"/>
        <source>Select a session in the list or create one with New session first.</source>
        <translation>Wählen Sie zuerst eine Sitzung in der Liste aus oder legen Sie mit „Neue Sitzung“ eine an.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="28"/>
        <source>Export the workshop summary of this session.</source>
        <translation>Die Workshop-Zusammenfassung dieser Sitzung exportieren.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="29"/>
        <source>Add a participant to this session.</source>
        <translation>Eine Teilnehmerin oder einen Teilnehmer zu dieser Sitzung hinzufügen.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="32"/>
        <source>Import a folder of .txt or .md files as attempts; each file name names the participant.</source>
        <translation>Einen Ordner mit .txt- oder .md-Dateien als Versuche importieren; der Dateiname nennt die Person.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="35"/>
        <source>Store a participant&apos;s attempt at the exercise of this round.</source>
        <translation>Den Versuch einer Person zur Übung dieser Runde speichern.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="36"/>
        <source>Add a participant first.</source>
        <translation>Fügen Sie zuerst eine Teilnehmerin oder einen Teilnehmer hinzu.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="38"/>
        <source>Select a participant in the list first.</source>
        <translation>Wählen Sie zuerst eine Person in der Teilnehmerliste aus.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="39"/>
        <source>Show the selected participant&apos;s scores across their attempts.</source>
        <translation>Die Bewertungen der ausgewählten Person über ihre Versuche zeigen.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="40"/>
        <source>Export the selected participant&apos;s progress report.</source>
        <translation>Den Fortschrittsbericht der ausgewählten Person exportieren.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="41"/>
        <source>Select one attempt in the gallery to open it large.</source>
        <translation>Wählen Sie einen Versuch in der Galerie aus, um ihn groß zu zeigen.</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="42"/>
        <source>Show the selected attempt large, with its findings marked (Enter).</source>
        <translation>Zeigt den ausgewählten Versuch groß, mit markierten Hinweisen (Eingabetaste).</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="46"/>
        <source>Select exactly two attempts in the gallery to compare them (Ctrl+click the second).</source>
        <translation>Wählen Sie in der Galerie genau zwei Versuche aus, um sie zu vergleichen (den zweiten mit Strg+Klick).</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/session_buttons.py" line="49"/>
        <source>Open the two selected attempts side by side.</source>
        <translation>Die beiden ausgewählten Versuche nebeneinander öffnen.</translation>
    </message>
</context>
<context>
    <name>TargetsBox</name>
    <message>
        <location filename="../../gui/coaching/targets.py" line="114"/>
        <source>now %1</source>
        <translation>jetzt %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/targets.py" line="115"/>
        <source>reached</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/targets.py" line="115"/>
        <source>not yet reached</source>
        <translation>noch nicht erreicht</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/targets.py" line="118"/>
        <source>Exercise: %1</source>
        <translation>Übung: %1</translation>
    </message>
    <message>
        <location filename="../../gui/coaching/targets.py" line="121"/>
        <source>Exercise targets</source>
        <translation>Ziele der Übung</translation>
    </message>
</context>
</TS>
