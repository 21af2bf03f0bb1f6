#!/usr/bin/env bash
# A single-node Slurm on this machine, to run and test `halo sweep submit` against the scheduler DESI's clusters run.
# Debian's slurm-wlm + munge, no systemd: munged, slurmctld and slurmd started as plain daemons, with
# ProctrackType=proctrack/linuxproc and TaskPlugin=task/none (no cgroups needed), SelectType=select/cons_tres (cores
# are the unit, so an array runs one element per free core) and one partition, "local", holding this node.
#
#   sudo bash environment/slurm-local.sh          # install the packages if absent (as root), write the config, start
#   sudo bash environment/slurm-local.sh stop     # stop the daemons started here
#   bash environment/slurm-local.sh status        # sinfo
#
# Root writes /etc/slurm/slurm.conf (where sbatch looks); otherwise the config goes to $HALO_SLURM_DIR
# (default ~/.halo-slurm) and the script prints the `export SLURM_CONF=…` that sbatch needs.
# No accounting daemon (slurmdbd) is started, so `sacct` has nothing to report; `squeue` and the task files do.
set -euo pipefail

action="${1:-start}"
if [[ $EUID -eq 0 ]]; then
  conf_dir=/etc/slurm
  state="${HALO_SLURM_DIR:-/var/lib/halo-slurm}"
else
  state="${HALO_SLURM_DIR:-$HOME/.halo-slurm}"
  conf_dir="$state"
fi
conf="$conf_dir/slurm.conf"
node="$(hostname -s)"

stop_slurm() {
  for name in slurmd slurmctld; do
    if [[ -f "$state/$name.pid" ]]; then
      pid="$(cat "$state/$name.pid")"
      if kill -0 "$pid" 2>/dev/null; then kill "$pid"; echo "stopped $name ($pid)"; fi
      rm -f "$state/$name.pid"
    fi
  done
}

stop_daemons() {
  stop_slurm
  if [[ -f "$state/munged.started" && -f /run/munge/munged.pid ]]; then
    pid="$(cat /run/munge/munged.pid)"
    if kill -0 "$pid" 2>/dev/null; then kill "$pid"; echo "stopped munged ($pid)"; fi
    rm -f "$state/munged.started"
  fi
}

case "$action" in
  stop) stop_daemons; exit 0 ;;
  status) SLURM_CONF="$conf" sinfo; exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  if [[ $EUID -ne 0 ]]; then echo "slurm-wlm and munge are not installed; run this script as root to install them" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

mkdir -p "$state/spool" "$state/ctld" "$conf_dir"
if [[ $EUID -eq 0 ]]; then slurm_user=root; else slurm_user="$(id -un)"; fi
cpus="$(nproc)"
mem_mb="$(awk '/MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)"
cat > "$conf" <<CONF
# Written by environment/slurm-local.sh: a single-node Slurm for halo sweep.
ClusterName=halo-local
SlurmctldHost=$node
SlurmUser=$slurm_user
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MaxArraySize=100001
# Jobs keep the nice value of the sbatch that submitted them (this machine is shared: submit under `nice -n 10`).
PropagatePrioProcess=1
NodeName=$node CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

# munge: the authentication every Slurm daemon and client uses.
if ! munge -n >/dev/null 2>&1; then
  if [[ $EUID -ne 0 ]]; then echo "munged is not running and only root can start it" >&2; exit 1; fi
  [[ -f /etc/munge/munge.key ]] || { mungekey --create 2>/dev/null || create-munge-key -f; chown munge:munge /etc/munge/munge.key; }
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  runuser -u munge -- /usr/sbin/munged
  touch "$state/munged.started"
fi

stop_slurm >/dev/null 2>&1 || true
slurmctld -f "$conf"
slurmd -f "$conf"
export SLURM_CONF="$conf"
for _ in $(seq 60); do
  if sinfo -h -o "%T" 2>/dev/null | grep -qE "idle|mixed|allocated"; then
    echo "single-node Slurm up: partition 'local' on $node ($cpus CPUs); logs in $state"
    [[ $EUID -eq 0 ]] || echo "export SLURM_CONF=$conf"
    exit 0
  fi
  sleep 1
done
echo "Slurm did not report an idle node within 60 s; see $state/slurmctld.log and $state/slurmd.log" >&2
exit 1
