// The processor's vector extensions, read with CPUID and XGETBV, so the engine can choose its
// kernels at start-up. Compiled without -march flags: it must run on any x86-64.
#include "CPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

static unsigned long long enabled_state(void) {
  unsigned int eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return ((unsigned long long)edx << 32) | eax;
}

/// Whether the OS saves the registers whose XCR0 bits are all in `mask`.
static int os_saves(unsigned long long mask) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  if (!(ecx & bit_OSXSAVE)) return 0;
  return (enabled_state() & mask) == mask;
}

int nudge_cpu_has_avx2(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  if (!(ecx & bit_AVX) || !(ecx & bit_FMA) || !(ecx & bit_F16C) || !(ecx & bit_MOVBE)) return 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  if (!(ebx & bit_AVX2) || !(ebx & bit_BMI) || !(ebx & bit_BMI2)) return 0;
  if (!__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx) || !(ecx & bit_LZCNT)) return 0;
  return os_saves(0x6);  // SSE and AVX state
}

int nudge_cpu_has_avx512(void) {
  if (!nudge_cpu_has_avx2()) return 0;
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  const unsigned int needed = bit_AVX512F | bit_AVX512BW | bit_AVX512DQ | bit_AVX512VL;
  if ((ebx & needed) != needed) return 0;
  return os_saves(0xE6);  // SSE, AVX, opmask and both halves of the ZMM registers
}
#else
int nudge_cpu_has_avx2(void) { return 0; }
int nudge_cpu_has_avx512(void) { return 0; }
#endif
