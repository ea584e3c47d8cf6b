// Preloaded (`node -r`) into every process the supervisor starts: when the supervisor goes away
// without stopping its children (killed, crashed), the IPC channel closes and the child stops
// itself the way Ctrl-C would, so no node outlives its network.
if (process.channel !== undefined) {
  // The channel only watches the parent; it must not keep a finished child alive.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
