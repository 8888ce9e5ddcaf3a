; Inno Setup 6 script: Resonanz-<version>-setup.exe from the PyInstaller bundle in dist\resonanz.
;
; On Windows, from the repository root (see packaging\README.md):
;   python packaging\build.py
;   iscc packaging\windows\resonanz.iss
; build.py prints the version; pass another with iscc /DAppVersion=x.y.z. The default below must
; equal resonanz_pkg\__init__.py's __version__ (tests\test_packaging.py checks it), as must AppId's
; source, the reverse-DNS id io.github.resonanz_app.Resonanz.
;
; Installs per user by default (no administrator rights; the dialog offers "for all users"),
; adds Resonanz to the Start menu and to "Open with" for .txt and .md files without taking
; them over, and installs resonanz-cli.exe (the same program with a console) for the command line.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Resonanz"
#define AppUserModelId "io.github.resonanz_app.Resonanz"
#define AppExe "resonanz.exe"
#define AppUrl "https://github.com/resonanz-app/resonanz"

[Setup]
; A fixed GUID (uuid5 of the app id): the same for every version, so updates replace the old one.
AppId={{A0A303F8-3546-54D9-B96F-5AC1B5EE6D21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Resonanz developers
AppPublisherURL={#AppUrl}
AppSupportURL={#AppUrl}/issues
AppUpdatesURL={#AppUrl}/releases
AppCopyright=© 2026 Resonanz developers, MIT licence
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=Resonanz-{#AppVersion}-setup
SetupIconFile=resonanz.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[CustomMessages]
en.OpenWith=Offer Resonanz under "Open with" for .txt and .md drafts
de.OpenWith=Resonanz unter „Öffnen mit“ für .txt- und .md-Entwürfe anbieten

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "{cm:OpenWith}"

[Files]
Source: "..\..\dist\resonanz\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion
Source: "..\..\CHANGELOG.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Registry]
; "Open with" for .txt and .md: a ProgID listed under OpenWithProgids, never the default program.
Root: HKA; Subkey: "Software\Classes\Resonanz.Draft"; ValueType: string; ValueName: ""; ValueData: "Resonanz draft"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Resonanz.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Resonanz.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "Resonanz.Draft"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "Resonanz.Draft"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
