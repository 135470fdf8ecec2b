/**
 * Library names the automatic search tries, in order (OpenBLAS, BLIS, MKL; Accelerate on macOS),
 * as handed to dlopen / LoadLibrary: bare names resolve through the system's search path (on
 * Debian, `libopenblas0-pthread` provides libopenblas.so.0 through the alternatives system).
 *
 * @example blasCandidates('linux')[0] // 'libopenblas.so.0'
 */
export function blasCandidates(platform: NodeJS.Platform = process.platform): readonly string[] {
  if (platform === 'darwin') {
    return [
      'libopenblas.dylib',
      '/opt/homebrew/opt/openblas/lib/libopenblas.dylib',
      '/usr/local/opt/openblas/lib/libopenblas.dylib',
      'libblis.dylib',
      'libmkl_rt.dylib',
      '/System/Library/Frameworks/Accelerate.framework/Accelerate',
    ];
  }
  if (platform === 'win32') return ['libopenblas.dll', 'openblas.dll', 'libblis.dll', 'mkl_rt.2.dll', 'mkl_rt.dll'];
  return ['libopenblas.so.0', 'libopenblas.so', 'libblis.so.4', 'libblis.so', 'libmkl_rt.so.2', 'libmkl_rt.so'];
}
