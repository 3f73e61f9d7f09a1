; Inno Setup 6 script: a per-user installer of the one-folder build (dist\hcc-desktop).
;
;   python packaging\build.py
;   iscc /DAppVersion=0.1.0 packaging\windows\hcc_desktop.iss   -> dist\installer\
;
; Installs into %LOCALAPPDATA%\Programs\HCC Desktop without administrator rights.
; The officer's data (database, backups, logs: %LOCALAPPDATA%\HCC\HCC Desktop, the
; platformdirs folder of hcc_desktop/core/paths.py) is never in {app}: an upgrade
; replaces the program only, and the new version migrates the database at its first
; start after taking its backup copy. Uninstalling keeps the data unless the officer
; answers yes to the question (a silent uninstall always keeps it).
; Saved as UTF-8 with a byte order mark: the Vietnamese texts below need it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "HCC Desktop"
#define AppExe "hcc-desktop.exe"
#define DataDir "{localappdata}\HCC\HCC Desktop"

[Setup]
; Never change AppId: it is how an upgrade finds the installed version.
AppId={{6F1B2C4E-9A53-4D0B-8E77-2C1D5A9F0B31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=HCC
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=HCC-Desktop-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\{#AppExe}
; Close a running HCC Desktop (Restart Manager) before replacing its files.
CloseApplications=yes
RestartApplications=no

[Languages]
; Inno Setup ships no Vietnamese wizard; our own texts below are Vietnamese.
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.DesktopIcon=Tạo biểu tượng trên màn hình nền
en.ShortcutComment=Tiếp nhận và trả kết quả hồ sơ tại Bộ phận Một cửa
en.UninstallShortcut=Gỡ cài đặt HCC Desktop
en.LaunchNow=Mở HCC Desktop ngay
en.DeleteDataQuestion=Xoá luôn dữ liệu của HCC Desktop (cơ sở dữ liệu hồ sơ, bản sao lưu, nhật ký) trong thư mục:%n%n%1%n%nChọn "No" để giữ lại dữ liệu (khuyến nghị): cài lại sau này sẽ dùng tiếp.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[InstallDelete]
; The previous version's program files: a module or library it had and this one dropped
; must not linger. The data directory is elsewhere and untouched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\hcc-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\HCC Desktop - Một cửa"; Filename: "{app}\{#AppExe}"; Comment: "{cm:ShortcutComment}"
Name: "{group}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\HCC Desktop - Một cửa"; Filename: "{app}\{#AppExe}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Data: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Data := ExpandConstant('{#DataDir}');
    if DirExists(Data) and not UninstallSilent then
      if MsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [Data]),
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(Data, True, True, True);
  end;
end;
