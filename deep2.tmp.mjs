import { unified } from 'unified'; import remarkParse from 'remark-parse';
const p = unified().use(remarkParse);
for (const s of [ '>'.repeat(100000)+' x', '- '.repeat(20000)+'x', '*a '.repeat(5000) + 'x' + '* '.repeat(5000), '['.repeat(20000)+'x'+']'.repeat(20000)]) {
 try { const t = p.parse(s); let d=0, n=t; while (n.children && n.children[0]) { n=n.children[0]; d++; } console.log('ok depth', d); } catch (e) { console.log(String(e).slice(0,80)); }
}
