#!/usr/bin/env bash
# Installs Pitchgate's policy API, the jar plugins compile against
# (com.pitchgate:pitchgate:VERSION:policy-api), into the local Maven repository, once; plugins are
# then built in their own folders (see plugins/README.md):
#
#   scripts/install-policy-api.sh [MAVEN OPTION...]     e.g. -o to stay offline
#
# The API (package com.pitchgate.spi) needs nothing but the JDK: it is compiled with javac into a
# temporary folder and installed from there. Pitchgate's target/ is left alone, so a server running
# from target/pitchgate-*.jar is not disturbed (`mvn install` in the Pitchgate folder rewrites that
# jar under it), and Maven resolves nothing but its install plugin: no build, no tests, no
# dependency copied.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# The project's own version: the first <version> of pom.xml, the one after its artifactId.
version="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
if [ -z "$version" ]; then
  echo "install-policy-api: no <version> found in $root/pom.xml" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/pitchgate-policy-api.XXXXXX")"
trap 'rm -rf "$work"' EXIT

jar="$work/pitchgate-$version-policy-api.jar"
mkdir "$work/classes"
javac --release 17 -parameters -encoding UTF-8 -d "$work/classes" \
  $(find "$root/src/main/java/com/pitchgate/spi" -name '*.java' | sort)
jar --create --file "$jar" -C "$work/classes" .

# A POM without dependencies: the API has none, and plugins exclude the server's anyway.
cat > "$work/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.pitchgate</groupId>
  <artifactId>pitchgate</artifactId>
  <version>$version</version>
  <description>Pitchgate's policy API (classifier policy-api), installed by scripts/install-policy-api.sh</description>
</project>
EOF

# Run from the temporary folder, so that Maven reads no project of ours.
(cd "$work" && mvn -B -q "$@" org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
  -Dfile="$jar" -DpomFile="$work/pom.xml" -Dclassifier=policy-api)

echo "installed com.pitchgate:pitchgate:$version:policy-api ($(find "$work/classes" -name '*.class' | wc -l) classes);" \
     "build a plugin in its own folder with: mvn package"
