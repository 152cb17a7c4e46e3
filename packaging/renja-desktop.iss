; Inno Setup script for Renja Desktop (Windows setup program, no admin rights needed).
;
; Made by packaging/build.py after PyInstaller, on Windows with Inno Setup 6 installed:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\RenjaDesktop /Odist packaging\renja-desktop.iss
; Installs per user (no administrator), adds a Start-menu entry, and offers (unticked by default)
; to open .sqlite files with Renja Desktop: the user chooses.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\RenjaDesktop"
#endif

[Setup]
AppId={{8C0B2F52-4E0D-4C8B-9D3E-5A7E2B1F0C11}
AppName=Renja Desktop
AppVersion={#AppVersion}
AppPublisher=Renja Desktop
DefaultDirName={localappdata}\Programs\Renja Desktop
DefaultGroupName=Renja Desktop
PrivilegesRequired=lowest
OutputBaseFilename=RenjaDesktop-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\RenjaDesktop.exe
ChangesAssociations=yes

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Buat ikon di desktop"; Flags: unchecked
Name: "association"; Description: "Buka berkas .sqlite dengan Renja Desktop"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Renja Desktop"; Filename: "{app}\RenjaDesktop.exe"
Name: "{group}\Panduan Renja Desktop"; Filename: "{app}\RenjaDesktop.exe"; Parameters: "--panduan"
Name: "{userdesktop}\Renja Desktop"; Filename: "{app}\RenjaDesktop.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Software\Classes\.sqlite\OpenWithProgids"; ValueType: string; ValueName: "RenjaDesktop.Dokumen"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association
Root: HKCU; Subkey: "Software\Classes\RenjaDesktop.Dokumen"; ValueType: string; ValueName: ""; ValueData: "Dokumen Renja"; Flags: uninsdeletekey; Tasks: association
Root: HKCU; Subkey: "Software\Classes\RenjaDesktop.Dokumen\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\RenjaDesktop.exe,0"; Tasks: association
Root: HKCU; Subkey: "Software\Classes\RenjaDesktop.Dokumen\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\RenjaDesktop.exe"" ""%1"""; Tasks: association

[Run]
Filename: "{app}\RenjaDesktop.exe"; Description: "Jalankan Renja Desktop"; Flags: nowait postinstall skipifsilent
