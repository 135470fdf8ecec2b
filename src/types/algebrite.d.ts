declare module 'algebrite' {
  const Algebrite: { run(script: string): string };
  export default Algebrite;
}
