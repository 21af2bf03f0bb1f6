#!/usr/bin/env bash
# Jupyter with the released .NET Interactive kernel, the supported way (environment/setup.sh --jupyter runs this):
#  1. Debian's Jupyter client — jupyter-nbconvert and python3-nbclient — when missing (needs root and apt-get);
#  2. the PINNED kernel (Microsoft.dotnet-interactive from .config/dotnet-tools.json, restored by `dotnet tool restore`)
#     registered as the kernelspec ".net-csharp", the name the notebooks' metadata asks for. Its kernel.json starts the
#     restored tool's own DLL: the tool's `jupyter install` writes `dotnet interactive`, which finds only a tool on PATH
#     (a global install of any version), and fails unless the kernels folder exists.
# The project's own kernel is registered by `halo kernel install` (after `dotnet build -c Release`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v jupyter-nbconvert >/dev/null 2>&1 || ! dpkg -s python3-nbclient >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's Jupyter client (jupyter-nbconvert, python3-nbclient)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jupyter-nbconvert python3-nbclient >/dev/null
  else
    echo "error: Jupyter's client is missing; as root: apt-get install jupyter-nbconvert python3-nbclient" >&2
    exit 1
  fi
fi
version=$(grep -A2 '"microsoft.dotnet-interactive"' .config/dotnet-tools.json | sed -n 's/.*"version": *"\([^"]*\)".*/\1/p')
dotnet tool restore >/dev/null
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
app=$(find "${cache%/}/microsoft.dotnet-interactive/$version/tools" -name Microsoft.DotNet.Interactive.App.dll 2>/dev/null | sort | tail -n 1)
if [ -z "$app" ]; then
  echo "error: Microsoft.dotnet-interactive $version is not in the NuGet cache ${cache}; run dotnet tool restore" >&2
  exit 1
fi
kernels="$(jupyter --data-dir)/kernels"   # JUPYTER_DATA_DIR, else ~/.local/share/jupyter (jupyter_core decides)
mkdir -p "$kernels/.net-csharp"
cat >"$kernels/.net-csharp/kernel.json" <<JSON
{
  "argv": ["$(command -v dotnet)", "$app", "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000"],
  "display_name": ".NET (C#) $version",
  "language": "C#"
}
JSON
echo "jupyter: $(jupyter-nbconvert --version 2>/dev/null | tail -n 1 | sed 's/^/nbconvert /'); kernelspec .net-csharp → dotnet-interactive $version ($app)"
