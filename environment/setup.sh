#!/usr/bin/env bash
# What a fresh Debian machine with the .NET 10 SDK needs for HaloNotebooks, and nothing else.
#  - the .NET SDK 10.0.1xx or later (global.json pins the feature band; not installed here);
#  - the released .NET Interactive kernel, pinned in .config/dotnet-tools.json (Microsoft.dotnet-interactive
#    1.0.712001, the kernel VS Code's Polyglot Notebooks runs): `dotnet tool restore` puts it in the NuGet cache;
#  - Debian's chromium, optional: only PNG export of figures uses it (HTML needs nothing);
#  - with --jupyter: Debian's Jupyter client (jupyter-nbconvert, python3-nbclient; as root) and the pinned kernel
#    registered as Jupyter's ".net-csharp" kernelspec (environment/jupyter-kernelspec.sh). `halo kernel install` adds
#    the project's own kernel once the CLI is built.
# Usage: bash environment/setup.sh [--no-chromium] [--jupyter]
set -euo pipefail
want_chromium=1 want_jupyter=0
for arg in "$@"; do
  case "$arg" in
    --no-chromium) want_chromium=0 ;;
    --jupyter) want_jupyter=1 ;;
    *) echo "error: unknown option $arg (expected --no-chromium, --jupyter)" >&2; exit 2 ;;
  esac
done
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 1
fi
major=$(dotnet --version | cut -d. -f1)
if [ "$major" -lt 10 ]; then
  echo "error: .NET SDK 10 or later required, found $(dotnet --version)" >&2
  exit 1
fi
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
echo "notebook kernel: $(dotnet tool run dotnet-interactive -- --version 2>/dev/null | tail -n 1) (dotnet-interactive, pinned in .config/dotnet-tools.json)"
if [ "$want_jupyter" = 1 ]; then bash environment/jupyter-kernelspec.sh; fi
if [ "$want_chromium" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian chromium for PNG export of figures"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: chromium could not be installed; figures will be written as HTML only" >&2
  else
    echo "note: chromium not installed (needs root and apt); figures will be written as HTML only" >&2
  fi
fi
echo "environment ready: dotnet $(dotnet --version)$(command -v chromium >/dev/null && echo ", $(chromium --version 2>/dev/null)")"
