/** This process's own peak RSS in MB (VmHWM on Linux; see own-peak.mjs). */
export function ownPeakRssMb(): number;
