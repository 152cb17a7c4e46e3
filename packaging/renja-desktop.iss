; Inno Setup 6 script for Renja Desktop (the Windows setup program, no administrator rights needed).
;
; Made by packaging/build.py after PyInstaller, on Windows with Inno Setup 6 (6.3 or newer) installed:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\RenjaDesktop /Odist packaging\renja-desktop.iss
; tests/test_windows_installer.py compiles it under Wine, installs, checks and uninstalls it.
;
; - Installs for the current user only (no administrator, no UAC prompt) into
;   %LOCALAPPDATA%\Programs\Renja Desktop, with a Start-menu folder.
; - The wizard speaks Indonesian (Indonesian.isl beside this script: Inno Setup ships no Indonesian
;   translation) or English (Default.isl), chosen from the Windows display language.
; - Offers, unticked by default, to open .sqlite files with Renja Desktop (the user chooses).
; - Uninstalling removes only what setup installed: the user's documents (Documents\Renja Desktop)
;   and the app's data folder (backups, working copies under %LOCALAPPDATA%\RenjaDesktop) stay.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\RenjaDesktop"
#endif
#define AppName "Renja Desktop"
#define AppExe "RenjaDesktop.exe"
#define ProgId "RenjaDesktop.Dokumen"

[Setup]
AppId={{8C0B2F52-4E0D-4C8B-9D3E-5A7E2B1F0C11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=RenjaDesktop-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
ChangesAssociations=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
Name: "id"; MessagesFile: "Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
en.ConfirmUninstall=Are you sure you want to completely remove %1 and all of its components? Your Renja documents (.sqlite files) are not removed.

[CustomMessages]
id.AssocTask=Buka berkas .sqlite dengan {#AppName}
en.AssocTask=Open .sqlite files with {#AppName}
id.DocumentType=Dokumen Renja
en.DocumentType=Renja document
id.GuideName=Panduan {#AppName}
en.GuideName={#AppName} user guide

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "{cm:AssocTask}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:GuideName}"; Filename: "{app}\{#AppExe}"; Parameters: "--panduan"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; per user (HKCU\Software\Classes): no administrator needed; removed again on uninstall
Root: HKCU; Subkey: "Software\Classes\.sqlite\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:DocumentType}"; Flags: uninsdeletekey; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
