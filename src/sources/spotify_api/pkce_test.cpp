#include "sources/spotify_api/pkce.h"

#include <gtest/gtest.h>

#include <set>

namespace uw::spotify_api {
namespace {

TEST(Pkce, ChallengeMatchesRfc7636AppendixB) {
  EXPECT_EQ(S256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(Pkce, VerifierIsValidAndChallengeDerivedFromIt) {
  const Pkce pkce = MakePkce();
  EXPECT_TRUE(IsValidVerifier(pkce.verifier)) << pkce.verifier.size();
  EXPECT_EQ(pkce.challenge, S256Challenge(pkce.verifier));
  EXPECT_EQ(pkce.challenge.find('='), std::string::npos);
}

TEST(Pkce, VerifiersAndStatesDiffer) {
  std::set<std::string> verifiers;
  std::set<std::string> states;
  for (int i = 0; i < 50; ++i) {
    verifiers.insert(MakePkce().verifier);
    states.insert(MakeState());
  }
  EXPECT_EQ(verifiers.size(), 50u);
  EXPECT_EQ(states.size(), 50u);
}

TEST(Pkce, ValidatesVerifierShape) {
  EXPECT_FALSE(IsValidVerifier(std::string(42, 'a')));
  EXPECT_TRUE(IsValidVerifier(std::string(43, 'a')));
  EXPECT_TRUE(IsValidVerifier(std::string(128, '~')));
  EXPECT_FALSE(IsValidVerifier(std::string(129, 'a')));
  EXPECT_FALSE(IsValidVerifier(std::string(42, 'a') + "+"));
  EXPECT_FALSE(IsValidVerifier(std::string(42, 'a') + "="));
}

}  // namespace
}  // namespace uw::spotify_api
