// jstat 1.9.6 ships no types: declare only the members this package calls.
declare module 'jstat' {
  interface JStatStatic {
    ibeta(x: number, a: number, b: number): number;
    normal: { inv(p: number, mean: number, std: number): number };
    studentt: { inv(p: number, dof: number): number; pdf(x: number, dof: number): number };
  }
  const jStat: JStatStatic;
  export default jStat;
}
