(function(){var w=window,d=document,c=d.currentScript,j=c&&c.previousElementSibling,s;try{s=JSON.parse(j.textContent)}catch(e){return}
var B=w.__docspaceBoot;if(!B){B=w.__docspaceBoot={frames:Object.create(null),sdk:{},on:false,release:function(id){delete B.frames[id];for(var k in B.frames)return;w.removeEventListener("message",B.guard,true);B.on=false},
guard:function(e){if(B.replaying||e.__dsJudged||typeof e.data!=="string")return;var m;try{m=JSON.parse(e.data)}catch(x){return}var f=m&&m.frameId&&B.frames[m.frameId];if(!f)return;if(f.judge)return f.judge(e);
if(!(e.isTrusted&&f.win&&e.source===f.win&&e.origin===f.portal)){f.rejected++;return e.stopImmediatePropagation()}
if(m.type==="onCallCommand"){if(m.commandName==="setConfig"){if(!f.loaded){f.stash.push(e.data);return e.stopImmediatePropagation()}f.pending++}else if(m.commandName!=="setIsLoaded")return e.stopImmediatePropagation()}
else if(m.type==="onMethodReturn"){if(!f.loaded||!f.pending)return e.stopImmediatePropagation();f.pending--;f.handshake=true}}};
if(!w.__dsTrap){var h=w.DocSpace||undefined;Object.defineProperty(w,"DocSpace",{configurable:true,get:function(){return h},set:function(v){if(v)h=v}});w.__dsTrap={reset:function(){h=undefined}}}}
if(!B.on){w.addEventListener("message",B.guard,true);B.on=true}
var id=s.frameId,f=B.frames[id]={spec:j.textContent,portal:s.portal,win:null,loaded:false,pending:0,handshake:false,stash:[],rejected:0,queue:[],sink:null,judge:null,sdk:null,instance:null,iframe:null,error:null};
var ev={};s.events.forEach(function(n){ev[n]=function(x){if(n==="onContentReady"&&!f.marked){f.marked=1;try{performance.mark("docspace:content-ready:"+id)}catch(e){}}f.sink?f.sink(n,x):f.queue.push([n,x])}});
var cf=s.config;cf.events=ev;cf.filter={};s.filter.forEach(function(p){cf.filter[p[0]]=p[1]});
var u=s.portal+"/static/scripts/sdk/"+s.version+"/api.js",p=B.sdk[u];
if(!p)p=B.sdk[u]=new Promise(function(ok,no){var t=d.createElement("script");t.src=u;t.onload=function(){var x=w.DocSpace&&w.DocSpace.SDK;x?ok(x):no("nosdk")};t.onerror=function(){delete B.sdk[u];no("unreachable")};w.__dsTrap.reset();d.head.appendChild(t)});
f.done=p.then(function(sdk){if(B.frames[id]!==f)return;f.sdk=sdk;f.instance=sdk.init(cf);var i=d.getElementById(id);if(!i||i.tagName!=="IFRAME")throw"noframe";f.iframe=i;i.title=s.title;f.win=i.contentWindow;
i.addEventListener("load",function(){if(B.frames[id]!==f||f.judge)return;f.loaded=true;var st=f.stash;f.stash=[];B.replaying=true;try{st.forEach(function(r){f.pending++;w.dispatchEvent(new MessageEvent("message",{data:r,origin:f.portal}))})}finally{B.replaying=false}},{once:true})}).catch(function(e){f.error=String(e)})})();
