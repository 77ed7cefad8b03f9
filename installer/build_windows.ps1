# Build the Windows bundle and its installer: dist\packstation\ and dist\packstation-<version>-windows-x64-setup.exe
#
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Needs Python 3.11+ (x64) and Inno Setup 6 (iscc.exe on PATH or in its default folder). Run from any folder.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    py -3.11 -m venv .venv
    if ($LASTEXITCODE -ne 0) { throw "could not create .venv with Python 3.11 (py -3.11)" }
}
.venv\Scripts\python.exe -m pip install -q -e ".[bundle]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$version = (.venv\Scripts\python.exe -c "import packstation; print(packstation.__version__)").Trim()

.venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\packstation.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The console twin of the windowed exe runs the same code: a smoke test before packaging.
$env:QT_QPA_PLATFORM = "offscreen"
dist\packstation\packstation-cli.exe --demo --self-test
if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
Remove-Item Env:QT_QPA_PLATFORM

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    foreach ($candidate in @("$env:ProgramFiles(x86)\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                             "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
        if (Test-Path $candidate) { $iscc = $candidate; break }
    }
}
if (-not $iscc) { throw "Inno Setup 6 not found: install it from https://jrsoftware.org/isdl.php or put iscc.exe on PATH" }
& $iscc "/DAppVersion=$version" installer\packstation.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Write-Host "Built dist\packstation-$version-windows-x64-setup.exe"
