export const STATUS_COLOURS: Record<string, string> = {
  functional: '#2b8a3e',
  established: '#1971c2',
  sanctioned: '#e67700',
  defunct: '#c92a2a',
  not_recorded: '#868e96',
};
