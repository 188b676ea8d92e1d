@echo off
rem Runs grade. Builds the grader first when its jar is missing or older than its sources
rem (pom.xml, src\main, grader\), so a fresh clone needs only Java 17+ and Maven.
setlocal
set "HERE=%~dp0"
if "%HERE:~-1%"=="\" set "HERE=%HERE:~0,-1%"
set "JAR=%HERE%\target\grade.jar"
if not exist "%HERE%\pom.xml" goto run
if not exist "%JAR%" goto build
if not exist "%HERE%\target\lib" goto build
powershell -NoProfile -Command "$j=(Get-Item -LiteralPath %JAR%).LastWriteTime; $s=@(Get-Item -LiteralPath %HERE%\pom.xml) + @(Get-ChildItem -Recurse -LiteralPath %HERE%\src\main,%HERE%\grader); if ($s | Where-Object { $_.LastWriteTime -gt $j } | Select-Object -First 1) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run
:build
where mvn >nul 2>nul
if errorlevel 1 (
  echo grade: the grader must be built first, and that needs Maven: install it and run grade again. 1>&2
  exit /b 2
)
echo grade: building the grader ^(first use, or its sources changed^)... 1>&2
call mvn -q -B -Dstyle.color=never -f "%HERE%\pom.xml" -Dmaven.test.skip=true package 1>&2
if errorlevel 1 (
  echo grade: the build failed ^(see above^). 1>&2
  exit /b 2
)
:run
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -XX:-UsePerfData -Dgrade.home="%HERE%" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
