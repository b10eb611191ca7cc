; Inno Setup 6 script: the Windows installer of 巡察工作台 (Chinese and English).
; Build on the Windows build machine (docs/installing.md, "Windows"):
;     .venv\Scripts\python installer\build.py          -> dist\xuncha-workbench\
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" installer\windows\workbench.iss
;                                                        -> dist\xuncha-workbench-<version>-setup.exe
; The program goes to Program Files (read-only for users); user data is never written there:
; stores, settings, unlock counters and logs live in the platformdirs folders under
; %LOCALAPPDATA%\Inspection\InspectionWorkbench, which uninstalling leaves alone.
; This file is UTF-8 with a byte order mark, which Inno Setup 6 needs for the Chinese text.

; the version: ISCC /DAppVersion=0.1.0, else the WORKBENCH_VERSION variable, else 0.1.0
#ifndef AppVersion
  #define AppVersion GetEnv("WORKBENCH_VERSION")
#endif
#if AppVersion == ""
  #undef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\dist\xuncha-workbench"

[Setup]
AppId={{6B1E4C0A-58F3-4C8E-9D0B-5A1F3E7C2B91}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher={cm:AppPublisher}
DefaultDirName={autopf}\XunchaWorkbench
DefaultGroupName={cm:AppName}
DisableProgramGroupPage=yes
; Per-machine by default; an unprivileged user may choose a per-user install instead.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=xuncha-workbench-{#AppVersion}-setup
SetupIconFile=..\icons\xuncha-workbench.ico
UninstallDisplayIcon={app}\workbench-gui.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; reproducible: no build date in the version resource beyond what SOURCE_DATE_EPOCH fixed
VersionInfoVersion={#AppVersion}

[Languages]
; Chinese first: it is the default when the system language matches nothing better.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
; Older Inno Setup releases ship the Simplified Chinese messages only as an unofficial
; translation: put ChineseSimplified.isl beside this script (docs/installing.md).
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppName=巡察工作台
english.AppName=Inspection Workbench
chinesesimplified.AppPublisher=巡察工作台开发组
english.AppPublisher=Inspection Workbench team
chinesesimplified.CommandLine=巡察工作台命令行
english.CommandLine=Inspection Workbench command line
chinesesimplified.SelfTest=安装后运行自检（约 10 秒）
english.SelfTest=Run the self-test after installing (about 10 s)
chinesesimplified.Launch=启动巡察工作台
english.Launch=Start Inspection Workbench

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole bundle, whatever it holds: workbench-gui.exe (windowed), workbench.exe (console; on
; Windows the two stay separate executables) and _internal\. A file the spec adds needs no line here.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; build.py refuses a bundle with portable.txt (that would put user data beside the program)

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\workbench-gui.exe"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\workbench-gui.exe"; Tasks: desktopicon

[Run]
; the windowed program shows the self-test's report in a message box
Filename: "{app}\workbench-gui.exe"; Parameters: "--self-test"; Description: "{cm:SelfTest}"; Flags: postinstall unchecked waituntilterminated
Filename: "{app}\workbench-gui.exe"; Description: "{cm:Launch}"; Flags: postinstall nowait skipifsilent

[InstallDelete]
; files of an older version that the new bundle no longer carries
Type: filesandordirs; Name: "{app}\_internal"
