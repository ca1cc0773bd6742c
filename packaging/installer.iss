; Inno Setup 6 script: a per-user Windows installer of Commune Desk, in Vietnamese.
;
; Build on Windows, after the bundle (`python -m PyInstaller --noconfirm packaging\commune_desk.spec`,
; which also writes packaging\build\version.iss with the package's version):
;   iscc packaging\installer.iss                      -> dist\commune-desk-<version>-setup.exe
; The version may also be given by hand: iscc /DAppVersion=1.2.3 packaging\installer.iss
;
; No administrator rights: the program goes to %LOCALAPPDATA%\Programs\Commune Desk. The user's
; data (database, backups, logs) lives elsewhere, in %LOCALAPPDATA%\CommuneDesk: the uninstaller
; removes only what this installer put in place and never touches that folder.

#define AppName "Commune Desk"
#define AppExeName "commune-desk.exe"
#define AppPublisher "UBND xã"
#define BundleDir "..\dist\commune-desk"
#define UserDataDir "{localappdata}\CommuneDesk"
#ifndef AppVersion
  #include "build\version.iss"
#endif

[Setup]
AppId={{BDF4E512-2AD5-4EA1-95A2-4E1D1F0E6359}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription=Cài đặt {#AppName}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\resources\icons\commune-desk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
CloseApplications=yes
OutputDir=..\dist
OutputBaseFilename=commune-desk-{#AppVersion}-setup

[Languages]
; Inno Setup's Vietnamese translation is unofficial (Languages\Unofficial): used when the
; compiler has it; the [Messages] below say the texts a clerk sees in Vietnamese either way.
#define VietnameseIsl AddBackslash(CompilerPath) + "Languages\Unofficial\Vietnamese.isl"
#if FileExists(VietnameseIsl)
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
#else
Name: "vi"; MessagesFile: "compiler:Default.isl"
#endif

[Messages]
SetupAppTitle=Cài đặt
SetupWindowTitle=Cài đặt %1
UninstallAppTitle=Gỡ cài đặt
UninstallAppFullTitle=Gỡ cài đặt %1
ButtonBack=< &Quay lại
ButtonNext=&Tiếp >
ButtonInstall=&Cài đặt
ButtonOK=Đồng ý
ButtonCancel=Hủy
ButtonYes=&Có
ButtonNo=&Không
ButtonFinish=&Hoàn tất
ButtonBrowse=&Chọn...
ButtonNewFolder=Tạo thư mục &mới
ExitSetupTitle=Thoát cài đặt
ExitSetupMessage=Chưa cài đặt xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nBạn có thể chạy lại trình cài đặt vào lúc khác.%n%nThoát cài đặt?
WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
WelcomeLabel2=Trình này sẽ cài [name/ver] vào máy tính của bạn.%n%nNên đóng các chương trình khác trước khi tiếp tục.
WizardSelectDir=Chọn thư mục cài đặt
SelectDirDesc=Cài [name] vào đâu?
SelectDirLabel3=[name] sẽ được cài vào thư mục dưới đây.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Muốn chọn thư mục khác, bấm Chọn.
DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng trống.
WizardSelectTasks=Chọn tác vụ bổ sung
SelectTasksDesc=Bạn muốn làm thêm những gì?
SelectTasksLabel2=Chọn các tác vụ bổ sung khi cài [name], rồi bấm Tiếp.
WizardReady=Sẵn sàng cài đặt
ReadyLabel1=Đã sẵn sàng cài [name] vào máy tính.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại để xem hay sửa các lựa chọn.
ReadyMemoDir=Thư mục cài đặt:
ReadyMemoTasks=Tác vụ bổ sung:
WizardPreparing=Đang chuẩn bị cài đặt
WizardInstalling=Đang cài đặt
InstallingLabel=Xin chờ trong khi [name] được cài vào máy tính.
StatusExtractFiles=Đang chép các tệp...
StatusCreateIcons=Đang tạo lối tắt...
StatusUninstalling=Đang gỡ %1...
FinishedHeadingLabel=Đã cài đặt xong [name]
FinishedLabelNoIcons=[name] đã được cài vào máy tính.
FinishedLabel=[name] đã được cài vào máy tính. Có thể mở chương trình bằng lối tắt đã tạo.
ClickFinish=Bấm Hoàn tất để đóng trình cài đặt.
ConfirmUninstall=Gỡ hoàn toàn %1 khỏi máy tính?%n%nSố liệu và các bản sao lưu của bạn vẫn được giữ lại.
UninstalledAll=Đã gỡ %1 khỏi máy tính.
UninstalledMost=Đã gỡ xong %1.%n%nMột số mục không gỡ được, có thể xóa bằng tay.
UninstallStatusLabel=Xin chờ trong khi %1 được gỡ khỏi máy tính.
SetupAlreadyRunning=Trình cài đặt đang chạy.
AdminPrivilegesRequired=Cần quyền quản trị để cài chương trình này.

[CustomMessages]
vi.DesktopIcon=Tạo lối tắt trên màn hình nền
vi.Shortcuts=Lối tắt:
vi.LaunchProgram=Mở %1 ngay
vi.DataKept=Số liệu, bản sao lưu và nhật ký của bạn vẫn nằm trong thư mục %1. Muốn xóa hẳn, hãy xóa thư mục đó bằng tay.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:Shortcuts}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The uninstaller removes only the installed files; say where the user's data stays.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{#UserDataDir}')]),
      mbInformation, MB_OK);
end;
