; Inno Setup 6 script for packstation on Windows: a per-user install that needs no admin rights.
;
; Build on Windows after the PyInstaller bundle (see installer\README.md):
;   iscc /DAppVersion=0.1.0 installer\packstation.iss
; Output: dist\packstation-<version>-windows-x64-setup.exe
;
; Settings, the journal, stored labels and logs live in %LOCALAPPDATA%\packstation (platformdirs). Uninstalling
; keeps them unless the user answers Yes to the question the uninstaller asks (or passes /PURGE when silent).

#ifndef AppVersion
  #error Pass the version read from packstation\__init__.py: iscc /DAppVersion=X.Y.Z installer\packstation.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\packstation"
#endif
#define AppName "packstation"
#define AppExe "packstation.exe"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{0A2D70C0-189F-460B-B0C3-69EF0D4146C3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Picqer picklists to MyParcel labels on a Zebra or system printer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user by default (installs to %LOCALAPPDATA%\Programs\packstation); the dialog lets an admin choose
; "for all users" instead, and /ALLUSERS or /CURRENTUSER does the same for silent roll-outs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
; Qt 6 runs on Windows 10 and later, and the PySide6 wheels are x64 only.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile=icon.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; An update while packstation runs: close it through the Restart Manager instead of failing on locked DLLs.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.DemoShortcut=packstation (demo)
dutch.DemoShortcut=packstation (demo)
french.DemoShortcut=packstation (démo)
english.RemoveUserData=Also remove packstation's settings, shipment journal, stored labels and logs?%n%n%1%n%nChoose No to keep them for a later installation.
dutch.RemoveUserData=Ook de instellingen, het verzendjournaal, de opgeslagen labels en de logbestanden van packstation verwijderen?%n%n%1%n%nKies Nee om ze te bewaren voor een latere installatie.
french.RemoveUserData=Supprimer aussi les réglages, le journal des envois, les étiquettes enregistrées et les journaux de packstation ?%n%n%1%n%nChoisissez Non pour les conserver pour une installation ultérieure.
english.RemoveUserDataFailed=Some files in %1 could not be removed. Delete the folder by hand.
dutch.RemoveUserDataFailed=Niet alle bestanden in %1 konden worden verwijderd. Verwijder de map met de hand.
french.RemoveUserDataFailed=Certains fichiers de %1 n'ont pas pu être supprimés. Supprimez le dossier à la main.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole runtime folder, so no library from an older version lingers next to the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  RemoveUserData: Boolean;

function UserDataDir(): String;
begin
  { platformdirs puts settings, journal, labels and logs for appname "packstation" here on Windows. }
  Result := ExpandConstant('{localappdata}\packstation');
end;

function PurgeRequested(): Boolean;
var
  I: Integer;
begin
  { Silent uninstalls (unins000.exe /VERYSILENT) keep the data unless /PURGE is given. }
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/PURGE') = 0 then
      Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usUninstall then
  begin
    RemoveUserData := PurgeRequested();
    if (not RemoveUserData) and (not UninstallSilent()) and DirExists(UserDataDir()) then
      RemoveUserData := MsgBox(FmtMessage(CustomMessage('RemoveUserData'), [UserDataDir()]),
                               mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  end;
  if (CurUninstallStep = usPostUninstall) and RemoveUserData and DirExists(UserDataDir()) then
  begin
    if not DelTree(UserDataDir(), True, True, True) then
      if not UninstallSilent() then
        MsgBox(FmtMessage(CustomMessage('RemoveUserDataFailed'), [UserDataDir()]), mbError, MB_OK);
  end;
end;
