; Budget Tutor installer for Windows (NSIS 3, Modern UI 2).
;
;   makensis -DBUNDLE=..\dist\budget-tutor -DVERSION=0.1.0 installer\budget-tutor.nsi
;
; Per-user: no administrator is asked for. The program goes to
; %LOCALAPPDATA%\Programs\Budget Tutor, a Start-menu entry (and optionally a desktop shortcut)
; is made, and the uninstaller is listed in "Apps & features" for this user only. The families'
; data (%LOCALAPPDATA%\budget-tutor) is KEPT when uninstalling unless the trainer ticks the box
; that deletes it. The optional "USB stick" component writes budget-tutor-portable.txt beside
; the program, so that the data lives in a folder beside it (see docs/install-windows.md).

Unicode true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"

!ifndef BUNDLE
  !define BUNDLE "..\dist\budget-tutor"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "budget-tutor-${VERSION}-setup.exe"
!endif

!define APP "Budget Tutor"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BudgetTutor"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\BudgetTutor" "InstallDir"
RequestExecutionLevel user
!ifdef QUICK
  SetCompress off          ; for the compile check (tests/test_installer.py)
!else
  SetCompressor /SOLID lzma
!endif
ShowInstDetails show
ShowUninstDetails show

Var DeleteData

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\budget-tutor.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${BUNDLE}\_internal\LICENSE"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPage un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

; Russian first: most trainers' Windows is in Russian; NSIS has no Tajik language file.
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "English"

LangString SecProgram ${LANG_RUSSIAN} "Программа Budget Tutor"
LangString SecProgram ${LANG_ENGLISH} "Budget Tutor"
LangString SecDesktop ${LANG_RUSSIAN} "Ярлык на рабочем столе"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SecPortable ${LANG_RUSSIAN} "Данные рядом с программой (флешка)"
LangString SecPortable ${LANG_ENGLISH} "Data beside the program (USB stick)"
LangString DataTitle ${LANG_RUSSIAN} "Данные семей"
LangString DataTitle ${LANG_ENGLISH} "The families' data"
LangString DataText ${LANG_RUSSIAN} "Семьи, планы и результаты уроков хранятся в папке $LOCALAPPDATA\budget-tutor. Обычно их оставляют: после новой установки всё будет на месте."
LangString DataText ${LANG_ENGLISH} "Households, plans and lesson results are kept in $LOCALAPPDATA\budget-tutor. Usually they are kept: after a new install everything is still there."
LangString DataBox ${LANG_RUSSIAN} "Удалить и данные всех семей (их нельзя будет вернуть)"
LangString DataBox ${LANG_ENGLISH} "Also delete every household's data (it cannot be brought back)"

Section "!$(SecProgram)" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update replaces the program's files; the families' data lives elsewhere and is not touched.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\budget-tutor.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "Software\BudgetTutor" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Budget Tutor"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\budget-tutor.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "$(SecDesktop)" SecDesktopShortcut
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\budget-tutor.exe"
SectionEnd

Section /o "$(SecPortable)" SecPortableMode
  FileOpen $0 "$INSTDIR\budget-tutor-portable.txt" w
  FileWrite $0 "Budget Tutor keeps its data in the folder budget-tutor-data beside this file.$\r$\n"
  FileClose $0
SectionEnd

Function un.DataPage
  !insertmacro MUI_HEADER_TEXT "$(DataTitle)" ""
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 40u "$(DataText)"
  Pop $0
  ${NSD_CreateCheckbox} 0 50u 100% 12u "$(DataBox)"
  Pop $DeleteData
  ${NSD_Uncheck} $DeleteData
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $DeleteData $DeleteData
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\budget-tutor.exe"
  Delete "$INSTDIR\budget-tutor-cli.exe"
  Delete "$INSTDIR\budget-tutor-portable.txt"
  Delete "$INSTDIR\uninstall.exe"
  ; A portable data folder beside the program is the families' data too: kept unless asked.
  ${If} $DeleteData == ${BST_CHECKED}
    RMDir /r "$LOCALAPPDATA\budget-tutor"
    RMDir /r "$INSTDIR\budget-tutor-data"
  ${EndIf}
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\BudgetTutor"
SectionEnd
