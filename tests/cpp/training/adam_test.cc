#include "training/adam.h"

#include <gtest/gtest.h>

namespace playground {
namespace {

TEST(Adam, StepsAsPyTorch113) {
  // torch.optim.Adam([p], lr=0.01) on p = [1, -2, 0.5, 3e-3] (float32) with three gradients;
  // the parameters after each step, printed with float(x).hex() from python3-torch 1.13.
  float p[] = {1.0f, -2.0f, 0.5f, 3e-3f};
  const float grads[3][4] = {{0.1f, -0.2f, 3.0f, 0.0f}, {0.05f, 0.4f, -1.0f, 1e-6f}, {-0.3f, 0.0f, 2.0f, -5.0f}};
  const float expected[3][4] = {{0x1.fae148p-1f, -0x1.fd70a4p+0f, 0x1.f5c290p-2f, 0x1.89374cp-9f},
                                {0x1.f61b74p-1f, -0x1.fe6092p+0f, 0x1.f1a96ap-2f, -0x1.1c4540p-8f},
                                {0x1.f7e290p-1f, -0x1.ff1a0ap+0f, 0x1.eb7c76p-2f, 0x1.0cc3b4p-9f}};
  Adam adam(4, AdamSettings{});
  for (int s = 0; s < 3; ++s) {
    adam.step(p, grads[s]);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(p[i], expected[s][i]) << "step " << s << " element " << i;
  }
  EXPECT_EQ(adam.steps(), 3u);
}

}  // namespace
}  // namespace playground
