#ifndef NUDGE_CPU_FEATURES_H
#define NUDGE_CPU_FEATURES_H

/// 1 when this x86-64 processor and the operating system support AVX2 (with the AVX state
/// saved on context switches), else 0; always 0 on other architectures.
int nudge_cpu_has_avx2(void);

/// 1 when the processor and the operating system support AVX-512 F, BW, DQ and VL (the
/// x86-64-v4 level), else 0; always 0 on other architectures.
int nudge_cpu_has_avx512(void);

#endif
