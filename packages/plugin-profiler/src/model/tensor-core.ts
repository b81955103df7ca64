/**
 * Tensor Cores heuristics: which kernels use Tensor Cores (by name pattern, after NVIDIA
 * PyProf's list) and which operators are eligible to (autocast's lower-precision ops and
 * the backward ops they run).
 */

const TC_KERNEL_PATTERNS: readonly string[] = [
  'h884', 's884', 'h1688', 's1688', 'hmma', 'i8816', '16816',
  'dgrad_1x1_stride_2x2', 'first_layer_wgrad_kernel', 'conv1x1',
  'conv2d_c1_k1', 'direct_group', 'xmma_implicit_gemm',
  'xmma_sparse_conv', 'xmma_warp_specialized_implicit_gemm',
  'xmma_gemm', 'xmma_sparse_gemm', 'c1688',
];

const TC_ELIGIBLE_OPS: ReadonlySet<string> = new Set([
  'aten::_convolution', 'aten::conv1d', 'aten::conv2d', 'aten::conv3d', 'aten::conv_tbc',
  'aten::conv_transpose1d', 'aten::conv_transpose2d', 'aten::conv_transpose3d',
  'aten::convolution', 'aten::cudnn_convolution', 'aten::cudnn_convolution_transpose',
  'aten::prelu', 'aten::addmm', 'aten::addmv', 'aten::addr',
  'aten::matmul', 'aten::mm', 'aten::mv',
  'aten::linear', 'aten::addbmm', 'aten::baddbmm', 'aten::bmm',
  'aten::chain_matmul', 'aten::linalg_multi_dot',
  'aten::_thnn_fused_lstm_cell', 'aten::_thnn_fused_gru_cell', 'aten::lstm_cell',
  'aten::gru_cell', 'aten::rnn_tanh_cell', 'aten::rnn_relu_cell',
  'CudnnConvolutionBackward', 'BmmBackward0',
  'aten::cudnn_convolution_transpose_backward', 'CudnnConvolutionTransposeBackward',
  'MmBackward', 'aten::cudnn_convolution_backward_weight', 'aten::addmm_',
  'AddmvBackward', 'MvBackward',
  'aten::cudnn_convolution_transpose_backward_weight',
  'aten::cudnn_convolution_transpose_backward_input',
  'AddmmBackward', 'aten::cudnn_convolution_backward_input',
  'AddbmmBackward', 'aten::cudnn_convolution_backward',
]);

/** Whether a kernel of this name runs on Tensor Cores (its name contains a known pattern). */
export function kernelUsesTensorCores(name: string): boolean {
  return TC_KERNEL_PATTERNS.some((p) => name.includes(p));
}

/** Whether an operator of this name may use Tensor Cores. */
export function isTensorCoreEligibleOp(name: string): boolean {
  return TC_ELIGIBLE_OPS.has(name);
}
