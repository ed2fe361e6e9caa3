#include <cblas.h>

/// The type of `cblas_sgemm`, for calling it through a pointer found with `dlsym`: Liaison opens
/// the BLAS library at its first matrix product instead of linking it.
typedef __typeof__(cblas_sgemm) *cblas_sgemm_function;
