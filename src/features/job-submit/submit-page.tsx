export function SubmitPage() {
  return <h1>Submit job</h1>;
}
