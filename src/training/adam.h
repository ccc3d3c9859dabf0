// Adam (Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization") exactly as PyTorch
// 1.13's torch.optim.Adam updates a float32 tensor (the default single-tensor path,
// _single_tensor_adam, no weight decay, no amsgrad):
//   m = m * β1 + g * (1 − β1);  v = v * β2 + ((1 − β2) * g) * g
//   step_size = lr / (1 − β1^t),  c2 = sqrt(1 − β2^t)       (in double, as Python floats)
//   p = p + ((−step_size) * m) / (sqrt(v) / c2 + ε)           (float32, scalars cast to float)
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace playground {

struct AdamSettings {
  double lr = 0.01;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
};

class Adam {
 public:
  // State for one parameter tensor of `size` floats.
  Adam(size_t size, const AdamSettings& settings);
  // One step on `param` (size floats) with gradient `grad` (size floats).
  void step(float* param, const float* grad);
  uint64_t steps() const { return steps_; }

 private:
  AdamSettings settings_;
  std::vector<float> m_, v_;
  uint64_t steps_ = 0;
};

}  // namespace playground
