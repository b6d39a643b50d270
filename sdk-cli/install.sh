#!/bin/sh
# Builds the docsdk command line and installs it: PREFIX/lib/docsdk/docsdk.jar and PREFIX/bin/docsdk
# (PREFIX defaults to ~/.local). Run from anywhere:  sh sdk-cli/install.sh [PREFIX]
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-$HOME/.local}
(cd "$root" && mvn -B -q -pl sdk-cli -am package -DskipTests)
mkdir -p "$prefix/lib/docsdk" "$prefix/bin"
cp "$root/sdk-cli/target/docsdk.jar" "$prefix/lib/docsdk/docsdk.jar"
cp "$root/sdk-cli/src/main/dist/docsdk" "$prefix/bin/docsdk"
chmod +x "$prefix/bin/docsdk"
echo "installed $prefix/bin/docsdk ($("$prefix/bin/docsdk" --version))"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "add $prefix/bin to PATH" ;; esac
