#include "training/adam.h"

#include <cmath>

namespace playground {

Adam::Adam(size_t size, const AdamSettings& settings) : settings_(settings), m_(size, 0.0f), v_(size, 0.0f) {}

void Adam::step(float* param, const float* grad) {
  ++steps_;
  const double t = double(steps_);
  const float beta1 = float(settings_.beta1), beta2 = float(settings_.beta2);
  const float one_minus_beta1 = float(1 - settings_.beta1), one_minus_beta2 = float(1 - settings_.beta2);
  const double bias_correction1 = 1 - std::pow(settings_.beta1, t);
  const double bias_correction2 = 1 - std::pow(settings_.beta2, t);
  const float neg_step_size = float(-(settings_.lr / bias_correction1));
  const float bias_correction2_sqrt = float(std::sqrt(bias_correction2));
  const float eps = float(settings_.eps);
  for (size_t i = 0; i < m_.size(); ++i) {
    const float g = grad[i];
    m_[i] = m_[i] * beta1 + one_minus_beta1 * g;
    v_[i] = v_[i] * beta2 + one_minus_beta2 * g * g;
    const float denom = std::sqrt(v_[i]) / bias_correction2_sqrt + eps;
    param[i] = param[i] + neg_step_size * m_[i] / denom;
  }
}

}  // namespace playground
