/* Forced into every C file of the compat Python (-include): bind the libm functions that glibc
 * 2.29 versioned anew to their old versions, so that a Python built on bullseye (glibc 2.31)
 * still loads on UOS 20 (glibc 2.28). The old versions compute the same results; 2.29 only
 * dropped their SVID error handling. installer/glibc_floor.py checks the outcome. */
#if defined(__x86_64__)
#define WB_OLD_LIBM "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define WB_OLD_LIBM "GLIBC_2.17"
#endif
#ifdef WB_OLD_LIBM
__asm__(".symver exp,exp@" WB_OLD_LIBM);
__asm__(".symver exp2,exp2@" WB_OLD_LIBM);
__asm__(".symver log,log@" WB_OLD_LIBM);
__asm__(".symver log2,log2@" WB_OLD_LIBM);
__asm__(".symver pow,pow@" WB_OLD_LIBM);
#endif
