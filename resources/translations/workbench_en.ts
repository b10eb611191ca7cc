<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>已作废：%1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>【已作废】</source>
        <translation>[Voided] </translation>
    </message>
    <message>
        <source>操作：</source>
        <translation>Action: </translation>
    </message>
    <message>
        <source>详情：</source>
        <translation>Details: </translation>
    </message>
    <message>
        <source>本条哈希：</source>
        <translation>Entry hash: </translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间（UTC）</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象类型</source>
        <translation>Object type</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>日期（UTC）</source>
        <translation>Date (UTC)</translation>
    </message>
    <message>
        <source>（未写明）</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Uncategorized</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>反映人：</source>
        <translation>Complainant: </translation>
    </message>
    <message>
        <source>被反映人：</source>
        <translation>Person complained about: </translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status: </translation>
    </message>
    <message>
        <source>&#x3000;分类：</source>
        <translation>  Category: </translation>
    </message>
    <message>
        <source>&#x3000;处置：</source>
        <translation>  Disposition: </translation>
    </message>
    <message>
        <source>摘要：</source>
        <translation>Summary: </translation>
    </message>
    <message>
        <source>（尚未摘要）</source>
        <translation>(not yet summarized)</translation>
    </message>
    <message>
        <source>拟办意见：</source>
        <translation>Proposed handling: </translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>文件不存在：%1</source>
        <translation>File not found: %1</translation>
    </message>
    <message>
        <source>文件过大，不是登记申请或证书文件</source>
        <translation>File is too large to be a registration request or certificate file</translation>
    </message>
    <message>
        <source>不是设备证书文件</source>
        <translation>Not a device certificate file</translation>
    </message>
    <message>
        <source>设备证书文件无效：%1</source>
        <translation>Invalid device certificate file: %1</translation>
    </message>
    <message>
        <source>登记申请文件无效：%1</source>
        <translation>Invalid registration request file: %1</translation>
    </message>
    <message>
        <source>信访件</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>已更新</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>保留本机修改</source>
        <translation>Kept local changes</translation>
    </message>
    <message>
        <source>较旧未采用</source>
        <translation>Older, not applied</translation>
    </message>
    <message>
        <source>名单新增</source>
        <translation>Lists added</translation>
    </message>
    <message>
        <source>名单未变</source>
        <translation>Lists unchanged</translation>
    </message>
    <message>
        <source>名单未重复存入</source>
        <translation>Lists not stored twice</translation>
    </message>
    <message>
        <source>吊销名单</source>
        <translation>Revocation list</translation>
    </message>
    <message>
        <source>分类数据</source>
        <translation>Category data</translation>
    </message>
    <message>
        <source>回执所列数据包</source>
        <translation>Packages listed in receipt</translation>
    </message>
    <message>
        <source>新确认数据包</source>
        <translation>Newly confirmed packages</translation>
    </message>
    <message>
        <source>巡察组数据包</source>
        <translation>Inspection team package</translation>
    </message>
    <message>
        <source>回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>部署包</source>
        <translation>briefing</translation>
    </message>
    <message>
        <source>无记录</source>
        <translation>No records</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>来件</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>版本 %1（%2）：</source>
        <translation>Version %1 (%2): </translation>
    </message>
    <message>
        <source>%1，第 %2 版</source>
        <translation>%1, revision %2</translation>
    </message>
    <message>
        <source>（提议：来件设备无权直接修改此记录）</source>
        <translation> (a proposal: the sending device may not change this record directly)</translation>
    </message>
    <message>
        <source>（已作废）</source>
        <translation> (voided)</translation>
    </message>
    <message>
        <source>（当前显示）</source>
        <translation>(shown now)</translation>
    </message>
    <message>
        <source>（提议）</source>
        <translation>(proposal)</translation>
    </message>
    <message>
        <source>整体采用本机版本（版本 %1）</source>
        <translation>Keep this computer&apos;s version (version %1)</translation>
    </message>
    <message>
        <source>整体采用来件版本（版本 %1）</source>
        <translation>Keep the incoming version (version %1)</translation>
    </message>
    <message>
        <source>版本 %1（%2）</source>
        <translation>Version %1 (%2)</translation>
    </message>
    <message>
        <source>（本库当前显示）</source>
        <translation> (shown in this database)</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation>Person complained about</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>编号：</source>
        <translation>No.: </translation>
    </message>
    <message>
        <source>Word 文档</source>
        <translation>Word document</translation>
    </message>
    <message>
        <source>Excel 表格</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>演示文稿</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>压缩包</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>PDF 文档</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>OFD 文档</source>
        <translation>OFD document</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>文本</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>音频</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>视频</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>其他文件</source>
        <translation>Other file</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name: </translation>
    </message>
    <message>
        <source>大小：</source>
        <translation>Size: </translation>
    </message>
    <message>
        <source>所属记录：</source>
        <translation>Belongs to: </translation>
    </message>
    <message>
        <source>（未关联记录）</source>
        <translation>(no record)</translation>
    </message>
    <message>
        <source>SHA-256：</source>
        <translation>SHA-256: </translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>所属记录</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>加入时间</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>加入日期</source>
        <translation>Date added</translation>
    </message>
    <message>
        <source>编制日期：</source>
        <translation>Date drafted: </translation>
    </message>
    <message>
        <source>涉及金额（元）：</source>
        <translation>Amount involved (CNY): </translation>
    </message>
    <message>
        <source>责任主体：</source>
        <translation>Responsible party: </translation>
    </message>
    <message>
        <source>立行立改：</source>
        <translation>Immediate correction: </translation>
    </message>
    <message>
        <source>退回理由：</source>
        <translation>Reason for return: </translation>
    </message>
    <message>
        <source>问题概述：</source>
        <translation>Problem overview: </translation>
    </message>
    <message>
        <source>发现过程：</source>
        <translation>How it was found: </translation>
    </message>
    <message>
        <source>签批：</source>
        <translation>Sign-offs:</translation>
    </message>
    <message>
        <source>逾期 %1 天</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>督办：</source>
        <translation>Chase: </translation>
    </message>
    <message>
        <source>拟移交单位：</source>
        <translation>Proposed recipient: </translation>
    </message>
    <message>
        <source>反馈期限：</source>
        <translation>Feedback deadline: </translation>
    </message>
    <message>
        <source>移交：</source>
        <translation>Transferred: </translation>
    </message>
    <message>
        <source>接收：</source>
        <translation>Received: </translation>
    </message>
    <message>
        <source>处置方式：</source>
        <translation>Handling: </translation>
    </message>
    <message>
        <source>具体问题：
</source>
        <translation>Specific issues:
</translation>
    </message>
    <message>
        <source>办理结果：
</source>
        <translation>Handling outcome:
</translation>
    </message>
    <message>
        <source>类型：</source>
        <translation>Type: </translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>处置结果：
</source>
        <translation>Outcomes:
</translation>
    </message>
    <message>
        <source>问：</source>
        <translation>Q: </translation>
    </message>
    <message>
        <source>答：</source>
        <translation>A: </translation>
    </message>
    <message>
        <source>时间：</source>
        <translation>Time: </translation>
    </message>
    <message>
        <source>地点：</source>
        <translation>Place: </translation>
    </message>
    <message>
        <source>谈话人：</source>
        <translation>Interviewer: </translation>
    </message>
    <message>
        <source>记录人：</source>
        <translation>Recorded by: </translation>
    </message>
    <message>
        <source>谈话对象：</source>
        <translation>Interviewee: </translation>
    </message>
    <message>
        <source>对象确认：</source>
        <translation>Confirmed by interviewee: </translation>
    </message>
    <message>
        <source>方式：</source>
        <translation>Method: </translation>
    </message>
    <message>
        <source>标题：</source>
        <translation>Title: </translation>
    </message>
    <message>
        <source>参与人：</source>
        <translation>Participants: </translation>
    </message>
    <message>
        <source>记录：
</source>
        <translation>Notes:
</translation>
    </message>
    <message>
        <source>问题归类：</source>
        <translation>Problem category: </translation>
    </message>
    <message>
        <source>问题表现：
</source>
        <translation>Manifestations of the problem:
</translation>
    </message>
    <message>
        <source>整改目标：
</source>
        <translation>Rectification goal:
</translation>
    </message>
    <message>
        <source>整改措施：
</source>
        <translation>Rectification measures:
</translation>
    </message>
    <message>
        <source>分管领导：</source>
        <translation>Leader in charge: </translation>
    </message>
    <message>
        <source>牵头部门：</source>
        <translation>Lead department: </translation>
    </message>
    <message>
        <source>主要负责人：</source>
        <translation>Principal person responsible: </translation>
    </message>
    <message>
        <source>具体责任人：</source>
        <translation>Person directly responsible: </translation>
    </message>
    <message>
        <source>时限：</source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <source>销号日期：</source>
        <translation>Close-out date: </translation>
    </message>
    <message>
        <source>评估等次：</source>
        <translation>Assessment grade: </translation>
    </message>
    <message>
        <source>进展：
</source>
        <translation>Progress:
</translation>
    </message>
    <message>
        <source>佐证材料目录：
</source>
        <translation>Evidence list:
</translation>
    </message>
    <message>
        <source>巡察办审核意见：</source>
        <translation>Office review opinion: </translation>
    </message>
    <message>
        <source>事项：</source>
        <translation>Item: </translation>
    </message>
    <message>
        <source>了解要点：
</source>
        <translation>Points to examine:
</translation>
    </message>
    <message>
        <source>情况记录：
</source>
        <translation>Observations:
</translation>
    </message>
    <message>
        <source>关联底稿：</source>
        <translation>Linked finding: </translation>
    </message>
    <message>
        <source>未评价</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>运用建议：
</source>
        <translation>How to use it:
</translation>
    </message>
    <message>
        <source>谈话时间</source>
        <translation>Interview time</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Chase</translation>
    </message>
    <message>
        <source>逾期未销号</source>
        <translation>Overdue, not closed</translation>
    </message>
    <message>
        <source>对象：</source>
        <translation>Subject: </translation>
    </message>
    <message>
        <source>总体评价：</source>
        <translation>Overall assessment: </translation>
    </message>
    <message>
        <source>结论：
</source>
        <translation>Conclusion:
</translation>
    </message>
    <message>
        <source>个别谈话</source>
        <translation>Individual Interviews</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>谈话对象</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>对象确认</source>
        <translation>Confirmed by interviewee</translation>
    </message>
    <message>
        <source>选中的记录：%1</source>
        <translation>Selected record: %1</translation>
    </message>
    <message>
        <source>巡察轮次：%1</source>
        <translation>Inspection round: %1</translation>
    </message>
    <message>
        <source>被巡察对象：%1</source>
        <translation>Inspected unit: %1</translation>
    </message>
    <message>
        <source>本轮（所选对象）没有可用于%1的记录。</source>
        <translation>This round (or the chosen unit) has no record to make a %1 from.</translation>
    </message>
    <message>
        <source>根据哪一条记录生成：</source>
        <translation>Make it from which record:</translation>
    </message>
    <message>
        <source>生成文书</source>
        <translation>Generate document</translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>请先在列表中选择一条记录。</source>
        <translation>Select a record in the list first.</translation>
    </message>
    <message>
        <source>请先在工具栏选择巡察轮次。</source>
        <translation>Select an inspection round in the toolbar first.</translation>
    </message>
    <message>
        <source>文书报表</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>所选记录已作废，不能生成文书。</source>
        <translation>The selected record is voided: no document can be made from it.</translation>
    </message>
    <message>
        <source>请先在工具栏选择被巡察对象。</source>
        <translation>Choose an inspected unit in the toolbar first.</translation>
    </message>
    <message>
        <source>请先在列表中选择一条记录，或在工具栏选择被巡察对象。</source>
        <translation>Select a record in the list, or choose an inspected unit in the toolbar, first.</translation>
    </message>
    <message>
        <source>%1（本轮）</source>
        <translation>%1 (this round)</translation>
    </message>
    <message>
        <source>问题底稿</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>导入整改台账</source>
        <translation>Import rectification ledger</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>编制日期</source>
        <translation>Date drafted</translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation>Immediate correction</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (CNY)</translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation>Clues</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>接收单位</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>第二接收单位</source>
        <translation>Second receiving unit</translation>
    </message>
    <message>
        <source>无（单移交）</source>
        <translation>None (single transfer)</translation>
    </message>
    <message>
        <source>其他单位名称</source>
        <translation>Other unit name</translation>
    </message>
    <message>
        <source>接收单位选“其他”时填写，如 县审计局</source>
        <translation>Required when the receiving unit is “Other”, e.g. County Audit Bureau</translation>
    </message>
    <message>
        <source>移交经办人</source>
        <translation>Transferred by</translation>
    </message>
    <message>
        <source>留空则为当前用户</source>
        <translation>Leave blank for the current user</translation>
    </message>
    <message>
        <source>移交时间</source>
        <translation>Transfer time</translation>
    </message>
    <message>
        <source>反馈期限</source>
        <translation>Feedback deadline</translation>
    </message>
    <message>
        <source>反馈期限按巡察办规则预填：移交后 %1 个月。</source>
        <translation>Feedback deadline prefilled by the office rule: %1 months after transfer.</translation>
    </message>
    <message>
        <source>巡察办未设默认反馈期限，请填写反馈期限。</source>
        <translation>The office has set no default feedback deadline; please enter one.</translation>
    </message>
    <message>
        <source>处置结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>组织处理须写明方式，如 诫勉、调整岗位；处分写明种类</source>
        <translation>For organizational handling name the measure (admonition, reassignment…); for sanctions name the kind</translation>
    </message>
    <message>
        <source>处置单位</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>已登记：%1</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <source>登记接收单位的经办人和接收时间。</source>
        <translation>Record who at the receiving unit handled it and when it was received.</translation>
    </message>
    <message>
        <source>接收经办人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>接收时间</source>
        <translation>Time received</translation>
    </message>
    <message>
        <source>处置方式</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Handling outcome</translation>
    </message>
    <message>
        <source>接收单位反馈的办理结果</source>
        <translation>Handling outcome reported by the receiving unit</translation>
    </message>
    <message>
        <source>反馈时间</source>
        <translation>Feedback time</translation>
    </message>
    <message>
        <source>办结后线索不再跟踪。</source>
        <translation>Once concluded, the clue is no longer tracked.</translation>
    </message>
    <message>
        <source>办结时间</source>
        <translation>Concluded at</translation>
    </message>
    <message>
        <source>移交</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Conclude</translation>
    </message>
    <message>
        <source>线索</source>
        <translation> clue</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>具体问题</source>
        <translation>Specific issues</translation>
    </message>
    <message>
        <source>逾期未反馈</source>
        <translation>Overdue, no feedback</translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation>Work Log</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>参与人</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>监督清单</source>
        <translation>Supervision Focus List</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>监督重点事项</source>
        <translation>Supervision focus item</translation>
    </message>
    <message>
        <source>情况记录</source>
        <translation>Observations</translation>
    </message>
    <message>
        <source>政治画像</source>
        <translation>Political Portraits</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>总体评价</source>
        <translation>Overall assessment</translation>
    </message>
    <message>
        <source>已评价</source>
        <translation>Assessed</translation>
    </message>
    <message>
        <source>整改台账</source>
        <translation>Rectification Ledger</translation>
    </message>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>问题表现</source>
        <translation>Manifestations of the problem</translation>
    </message>
    <message>
        <source>巡察工作台</source>
        <translation>Inspection Workbench</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>不能执行此操作</source>
        <translation>Cannot perform this action</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <source>提交复核</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>复核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>审签</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>退回底稿</source>
        <translation>Return finding</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>回避例外…</source>
        <translation>Recusal exception…</translation>
    </message>
    <message>
        <source>仅当您因申报回避不能签署所选底稿时可用：由该组组长写明理由后签署</source>
        <translation>Only when your declared recusal keeps you from signing off the selected finding: the team leader signs, stating the reason</translation>
    </message>
    <message>
        <source>（清除评估等次）</source>
        <translation>(clear assessment grade)</translation>
    </message>
    <message>
        <source>整改评估</source>
        <translation>Rectification assessment</translation>
    </message>
    <message>
        <source>开始推进</source>
        <translation>Start work</translation>
    </message>
    <message>
        <source>转为长期坚持</source>
        <translation>Mark as ongoing</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close out</translation>
    </message>
    <message>
        <source>评估</source>
        <translation>Assess</translation>
    </message>
    <message>
        <source>佐证材料目录</source>
        <translation>Evidence list</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>整改跟踪</source>
        <translation>Follow-through</translation>
    </message>
    <message>
        <source>该单位的整改方案/报告、监督记录、质效评估和新官理旧账提醒函</source>
        <translation>The unit&apos;s rectification plan/report, supervision records, quality assessment and reminder letters to new leaders</translation>
    </message>
    <message>
        <source>巡察办审核意见</source>
        <translation>Office review opinion</translation>
    </message>
    <message>
        <source>审核意见：</source>
        <translation>Review opinion:</translation>
    </message>
    <message>
        <source>每行一项材料；已导入的附件可写成“名称 | SHA256”：</source>
        <translation>One material per line; for an imported attachment write “name | SHA256”:</translation>
    </message>
    <message>
        <source>该整改事项未关联被巡察单位，请先在编辑中选择。</source>
        <translation>This item is not linked to an inspected unit; choose one in the editor first.</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>文件已存在</source>
        <translation>File already exists</translation>
    </message>
    <message>
        <source>“%1”已存在，要替换它吗？</source>
        <translation>“%1” already exists. Do you want to replace it?</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>保存文书</source>
        <translation>Save document</translation>
    </message>
    <message>
        <source>正在生成“%1”…</source>
        <translation>Generating “%1”…</translation>
    </message>
    <message>
        <source>已写入 %1 行</source>
        <translation>%1 rows written</translation>
    </message>
    <message>
        <source>导出的文件未加密</source>
        <translation>Exported file is not encrypted</translation>
    </message>
    <message>
        <source>，共 %1 行</source>
        <translation>, %1 rows</translation>
    </message>
    <message>
        <source>已导出“%1”%2。</source>
        <translation>Exported “%1”%2.</translation>
    </message>
    <message>
        <source>此文件未加密（明文）。请按保密规定存放和传递：不得存入联网计算机或未经批准的移动存储介质，用毕及时删除。本次导出已记入审计日志。</source>
        <translation>This file is not encrypted (plaintext). Store and transmit it according to confidentiality rules: do not put it on a networked computer or unapproved removable storage, and delete it promptly after use. This export has been recorded in the audit log.</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>打印文书</source>
        <translation>Print document</translation>
    </message>
    <message>
        <source>未找到 LibreOffice，不能在本程序中打印。将用 WPS 或 Word 打开此文件，请在其中打印。</source>
        <translation>LibreOffice was not found, so this program cannot print. The file will open in WPS or Word: print it from there.</translation>
    </message>
    <message>
        <source>正在排版“%1”以便打印…</source>
        <translation>Laying out “%1” for printing…</translation>
    </message>
    <message>
        <source>选择填报后的整改台账</source>
        <translation>Choose the completed rectification ledger</translation>
    </message>
    <message>
        <source>正在导入“%1”…</source>
        <translation>Importing “%1”…</translation>
    </message>
    <message>
        <source>请选择保存位置</source>
        <translation>Choose where to save</translation>
    </message>
    <message>
        <source>文件已存在，不会覆盖：%1</source>
        <translation>File already exists and will not be overwritten: %1</translation>
    </message>
    <message>
        <source>文件夹不存在：%1</source>
        <translation>Folder does not exist: %1</translation>
    </message>
    <message>
        <source>请确认选择的是本系统导出的数据包（.wbp），并请发送方重新拷贝。</source>
        <translation>Make sure you selected a package exported by this system (.wbp), and ask the sender to copy it again.</translation>
    </message>
    <message>
        <source>此数据包不是发给本单位的；请与发送方核对接收单位。</source>
        <translation>This package is not addressed to this unit; check the recipient with the sender.</translation>
    </message>
    <message>
        <source>文件在拷贝或传递中损坏或被改动；请发送方重新导出并重新拷贝。</source>
        <translation>The file was damaged or altered while being copied or transferred; ask the sender to export and copy it again.</translation>
    </message>
    <message>
        <source>文件不完整；请发送方重新拷贝完整的数据包。</source>
        <translation>The file is incomplete; ask the sender to copy the complete package again.</translation>
    </message>
    <message>
        <source>内容可能被篡改；请勿继续使用此文件，请发送方重新导出，并报告安全保密管理员。</source>
        <translation>The content may have been tampered with. Do not continue using this file; ask the sender to export it again, and report to the security administrator.</translation>
    </message>
    <message>
        <source>发送设备的证书不是本巡察办签发的；请核实来源，必要时重新登记该设备。</source>
        <translation>The sending device&apos;s certificate was not issued by this inspection office; verify the source and re-register the device if necessary.</translation>
    </message>
    <message>
        <source>设备证书已过期；请为该设备重新签发证书后再导出。</source>
        <translation>The device certificate has expired; issue a new certificate for the device before exporting.</translation>
    </message>
    <message>
        <source>发送设备尚未登记；请先在“设备管理”中为其签发证书。</source>
        <translation>The sending device is not registered yet; issue it a certificate on the Devices page first.</translation>
    </message>
    <message>
        <source>该设备已被吊销；请核实情况，不要接收其数据。</source>
        <translation>This device has been revoked; verify the situation and do not accept its data.</translation>
    </message>
    <message>
        <source>可能是重放或伪造的数据包；请核查来源并报告安全保密管理员。</source>
        <translation>This may be a replayed or forged package; check the source and report to the security administrator.</translation>
    </message>
    <message>
        <source>可能是伪造的数据包，或设备数据被回滚；请核查来源并报告安全保密管理员。</source>
        <translation>This may be a forged package, or the device&apos;s data was rolled back; check the source and report to the security administrator.</translation>
    </message>
    <message>
        <source>双方程序版本不同；请先统一程序版本，再重新导出。</source>
        <translation>The two sides run different program versions; align the versions first, then export again.</translation>
    </message>
    <message>
        <source>此类数据包不能在本数据库导入；请确认选择了正确的文件。</source>
        <translation>This kind of package cannot be imported into this database; make sure you selected the correct file.</translation>
    </message>
    <message>
        <source>回执与本设备的导出记录不符；请向巡察办核实后重新索取回执。</source>
        <translation>The receipt does not match this device&apos;s export records; check with the inspection office and request the receipt again.</translation>
    </message>
    <message>
        <source>请清理磁盘空间后重试。</source>
        <translation>Free up disk space and try again.</translation>
    </message>
    <message>
        <source>请发送方重新导出数据包；如仍被拒收，请报告安全保密管理员。</source>
        <translation>Ask the sender to export the package again; if it is still rejected, report to the security administrator.</translation>
    </message>
    <message>
        <source>原因：%1（%2）</source>
        <translation>Reason: %1 (%2)</translation>
    </message>
    <message>
        <source>未导入任何数据，本库数据未改变。</source>
        <translation>No data was imported; this database is unchanged.</translation>
    </message>
    <message>
        <source>建议：%1</source>
        <translation>Suggestion: %1</translation>
    </message>
    <message>
        <source>被拒收的数据包已另存备查：%1</source>
        <translation>The rejected package was saved for reference: %1</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source>填写</source>
        <translation>Specify</translation>
    </message>
    <message>
        <source>（不关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>不能打开记录</source>
        <translation>Cannot open record</translation>
    </message>
    <message>
        <source>请先在上方选择巡察轮次，再新建记录。</source>
        <translation>Select an inspection round above before creating a record.</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>使用人</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>设备编号</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <source>设备指纹</source>
        <translation>Device fingerprint</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>登记时间</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>最新序号</source>
        <translation>Latest sequence no.</translation>
    </message>
    <message>
        <source>个别谈话的笔录：谈话基本信息、问答记录、摘要和对象确认。</source>
        <translation>Record of an individual interview: basic details, questions and answers, summary and interviewee confirmation.</translation>
    </message>
    <message>
        <source>一件信访件的登记表，含反映人及联系方式（仅此表列出）。</source>
        <translation>Registration form for a letter, including the complainant and contact details (listed only on this form).</translation>
    </message>
    <message>
        <source>一件信访件的处理单：内容摘要、分类、拟办意见、处置情况和组长意见栏。</source>
        <translation>Handling form for a letter: content summary, category, proposed handling, disposition and a field for the team leader&apos;s opinion.</translation>
    </message>
    <message>
        <source>本轮全部信访件一行一件的 Excel 台账（不含反映人姓名和联系方式）。</source>
        <translation>Excel ledger of all letters in this round, one row per letter (without complainants&apos; names or contact details).</translation>
    </message>
    <message>
        <source>问题底稿：每个问题一张表，含定性依据、责任主体、支撑材料和签批链。</source>
        <translation>Finding working papers: one form per finding, with legal basis, responsible party, supporting materials and approval chain.</translation>
    </message>
    <message>
        <source>本轮全部问题底稿的 Excel 台账。</source>
        <translation>Excel ledger of all findings in this round.</translation>
    </message>
    <message>
        <source>问题线索移交表：每条线索一张表，含移交、接收和反馈期限。</source>
        <translation>Clue transfer form: one form per clue, with transfer, receipt and feedback deadline.</translation>
    </message>
    <message>
        <source>本轮全部问题线索的台账（Word 横版表格或 Excel），含移交、处置和反馈。</source>
        <translation>Ledger of all clues in this round (Word landscape table or Excel), with transfer, handling and feedback.</translation>
    </message>
    <message>
        <source>巡察报告初稿：基本情况和总体评价、按监督重点分组的主要问题、意见建议。只收纳入报告的底稿，不含线索。</source>
        <translation>Draft inspection report: background and overall assessment, main problems grouped by supervision focus, opinions and recommendations. Includes only findings marked for the report; no clues.</translation>
    </message>
    <message>
        <source>问题线索专题报告：按干部级别和拟移交单位统计，并分组列出线索。</source>
        <translation>Special report on clues: statistics by cadre level and proposed recipient, with clues listed in groups.</translation>
    </message>
    <message>
        <source>向被巡察党组织反馈的意见：主要问题、整改意见建议和整改要求。</source>
        <translation>Feedback to the inspected Party organization: main problems, rectification suggestions and rectification requirements.</translation>
    </message>
    <message>
        <source>一个政治画像的报告：各方面评价、说明和佐证，总体评价和综合评价。</source>
        <translation>Report on a political portrait: assessment of each aspect with notes and evidence, overall assessment and comprehensive evaluation.</translation>
    </message>
    <message>
        <source>整改台账：Word 横版表格含合计和完成率；Excel 版可交被巡察单位填报后导入。</source>
        <translation>Rectification ledger: Word landscape table with totals and completion rate; the Excel version can be filled in by the inspected unit and imported.</translation>
    </message>
    <message>
        <source>立卷归档目录：按卷号和件号排列的归档条目。</source>
        <translation>Archive filing catalog: archived items ordered by volume and item number.</translation>
    </message>
    <message>
        <source>问题线索移交审批表：移交前报领导小组审批的线索清单和审批栏。</source>
        <translation>Clue transfer approval form: the clues to transfer, with the leading group&apos;s approval boxes.</translation>
    </message>
    <message>
        <source>问题线索移交函：致承办机关的移交公函，带发文字号。</source>
        <translation>Clue transfer letter: the official letter to the receiving organ, with its document number.</translation>
    </message>
    <message>
        <source>立行立改通知书：请被巡察单位立即整改的问题（一份底稿或对象的全部）。</source>
        <translation>Immediate rectification notice: problems the inspected unit must fix at once (one working paper, or all of a unit&apos;s).</translation>
    </message>
    <message>
        <source>巡察建议书：致职能部门，依据一条“巡察建议书”报告记录生成。</source>
        <translation>Inspection suggestion letter: to a functional department, made from one report record of type “inspection suggestion”.</translation>
    </message>
    <message>
        <source>整改通知：反馈后交被巡察单位的整改事项、时限和报送要求。</source>
        <translation>Rectification notice: after the feedback, the items to rectify, their deadlines and what to report, for the inspected unit.</translation>
    </message>
    <message>
        <source>整改督办函：督促逾期未完成的整改事项（一条事项或对象的全部）。</source>
        <translation>Supervision letter: presses on rectification items past their deadline (one item, or all of a unit&apos;s).</translation>
    </message>
    <message>
        <source>新官理旧账提醒函：提醒新任主要负责人接续整改，依据一条提醒函记录生成。</source>
        <translation>Reminder letter: reminds a new principal leader to carry on the rectification, made from one reminder record.</translation>
    </message>
    <message>
        <source>巡察工作方案：本轮的任务、分组、对象、时间安排和工作要求。</source>
        <translation>Inspection work plan: the round&apos;s tasks, teams, units, schedule and requirements.</translation>
    </message>
    <message>
        <source>进驻通知：巡察组进驻被巡察单位的时间、方式和配合要求。</source>
        <translation>Entry notice: when and how the team enters the inspected unit, and the cooperation asked for.</translation>
    </message>
    <message>
        <source>巡察公告：受理范围、信访渠道及二维码，张贴于被巡察单位。</source>
        <translation>Inspection announcement: what is accepted, the reporting channels and QR code, posted at the inspected unit.</translation>
    </message>
    <message>
        <source>小信封：印有巡察组收件地址的信封，可打印后放置于被巡察单位。</source>
        <translation>Small envelopes: printed with the team&apos;s mailing address, to leave at the inspected unit.</translation>
    </message>
    <message>
        <source>巡察工作统计表：谈话、信访、问题、线索、整改等主要指标（Word 或 Excel）。</source>
        <translation>Inspection statistics: key figures for interviews, letters, findings, clues, rectification, etc. (Word or Excel).</translation>
    </message>
    <message>
        <source>一条记录</source>
        <translation>A record</translation>
    </message>
    <message>
        <source>巡察轮次，可限定被巡察对象</source>
        <translation>Inspection round, optionally limited to an inspected unit</translation>
    </message>
    <message>
        <source>被巡察对象</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>巡察轮次（可限定对象），或一条记录</source>
        <translation>Inspection round (optionally limited to a unit), or a record</translation>
    </message>
    <message>
        <source>%1（初稿）</source>
        <translation>%1 (draft)</translation>
    </message>
    <message>
        <source>缺少翻译文件：</source>
        <translation>Missing translation files: </translation>
    </message>
    <message>
        <source>没有找到中文字体（请安装文泉驿微米黑或思源黑体）</source>
        <translation>No Chinese font found (install WenQuanYi Micro Hei or Source Han Sans)</translation>
    </message>
    <message>
        <source>平台 %1，中文字体 %2</source>
        <translation>Platform %1, Chinese font %2</translation>
    </message>
    <message>
        <source>主窗口没有列出自检轮次</source>
        <translation>The main window does not list the self-test round</translation>
    </message>
    <message>
        <source>主窗口绘制结果为空白</source>
        <translation>The main window rendered blank</translation>
    </message>
    <message>
        <source>%1×%2 像素</source>
        <translation>%1×%2 pixels</translation>
    </message>
    <message>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>正在启动 Qt（平台插件：%1）…</source>
        <translation>Starting Qt (platform plugin: %1)…</translation>
    </message>
    <message>
        <source>界面：Qt 平台、翻译文件和中文字体</source>
        <translation>UI: Qt platform, translation files and Chinese font</translation>
    </message>
    <message>
        <source>界面：打开主窗口并绘制</source>
        <translation>UI: open and render the main window</translation>
    </message>
    <message>
        <source>巡察工作台自检</source>
        <translation>Inspection Workbench self-test</translation>
    </message>
    <message>
        <source>此类型不能预览，可导出后用其他程序打开（导出的文件不加密）</source>
        <translation>This type cannot be previewed; export it to open in another program (exported files are not encrypted)</translation>
    </message>
    <message>
        <source>常规巡察</source>
        <translation>Regular inspection</translation>
    </message>
    <message>
        <source>专项巡察</source>
        <translation>Special inspection</translation>
    </message>
    <message>
        <source>机动巡察</source>
        <translation>Mobile inspection</translation>
    </message>
    <message>
        <source>提级巡察</source>
        <translation>Elevated inspection</translation>
    </message>
    <message>
        <source>交叉巡察</source>
        <translation>Cross inspection</translation>
    </message>
    <message>
        <source>联动巡察</source>
        <translation>Linked inspection</translation>
    </message>
    <message>
        <source>巡察“回头看”</source>
        <translation>Follow-up inspection</translation>
    </message>
    <message>
        <source>对村巡察</source>
        <translation>Village inspection</translation>
    </message>
    <message>
        <source>按巡察规划对党组织开展的全面政治监督。</source>
        <translation>Full political supervision of Party organisations, as the inspection plan sets out.</translation>
    </message>
    <message>
        <source>围绕一个专项主题开展；工作方案须报备上级并经审核通过后才能进驻。</source>
        <translation>On one topic; the work plan is filed with the higher office and must be approved before stationing.</translation>
    </message>
    <message>
        <source>根据需要灵活安排对象和时间，规模小、时间短。</source>
        <translation>Targets and timing as needed; small and short.</translation>
    </message>
    <message>
        <source>由市级派出；可由一个市级组带领若干县级人员（1托N）。</source>
        <translation>Dispatched by the city; one city team may lead county staff (1 leads N).</translation>
    </message>
    <message>
        <source>巡察组不得巡察本组所在县（区）的单位。</source>
        <translation>A team may not inspect units of its own county (district).</translation>
    </message>
    <message>
        <source>市县联动组队：市级副组长可带领县级巡察组。</source>
        <translation>Joint city–county teams: a city deputy leader may lead a county team.</translation>
    </message>
    <message>
        <source>对此前巡察过的单位检查整改落实情况，须选择原轮次。</source>
        <translation>Checks the rectification of units inspected before; pick the earlier round.</translation>
    </message>
    <message>
        <source>巡察对象只能是村（社区）党组织。</source>
        <translation>Targets are village (community) Party organisations only.</translation>
    </message>
    <message>
        <source>新建巡察轮次…</source>
        <translation>New round…</translation>
    </message>
    <message>
        <source>编辑本轮…</source>
        <translation>Edit this round…</translation>
    </message>
    <message>
        <source>请先在工具栏选择巡察轮次</source>
        <translation>Choose a round in the toolbar first</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>%1    用户名 %2    设备指纹 %3</source>
        <translation>%1    user %2    device fingerprint %3</translation>
    </message>
    <message>
        <source>%1：%2（%3，%4 行）</source>
        <translation>%1: %2 (%3, %4 rows)</translation>
    </message>
    <message>
        <source>用户管理…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>备份…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>更换数据密钥…</source>
        <translation>Change data key…</translation>
    </message>
    <message>
        <source>巡察办服务器上的数据库由数据库管理员在服务器上备份</source>
        <translation>The office store on the server is backed up by the database administrator, on the server</translation>
    </message>
    <message>
        <source>巡察办服务器上的数据不由本程序加密，没有数据密钥可换；停用人员时，请数据库管理员停用其数据库账号</source>
        <translation>Data on the office server is not encrypted by this program, so there is no data key to change; when you disable someone, ask the database administrator to disable their database login</translation>
    </message>
    <message>
        <source>把备份恢复为本机新文件夹中的数据库，不改动巡察办服务器上的数据库</source>
        <translation>Restores a backup as a new database on this computer; the server&apos;s database is untouched</translation>
    </message>
    <message>
        <source>名单文件 (*.xlsx *.xls *.csv)</source>
        <translation>List files (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>选择名单文件</source>
        <translation>Choose a list file</translation>
    </message>
    <message>
        <source>三员角色的变更须由另一位三员共同签署：请其本人在此输入用户名和口令。</source>
        <translation>A change of a security-officer role must be co-signed by another of the three officers: they enter their user name and passphrase here themselves.</translation>
    </message>
    <message>
        <source>共同签署人</source>
        <translation>Co-signer</translation>
    </message>
    <message>
        <source>其口令</source>
        <translation>Their passphrase</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>系统管理员：管理用户、设备和备份（“账户”菜单中的用户管理、备份与恢复；设备管理、数据交换）。</source>
        <translation>System administrator: manages users, devices and backups (User management, Backup and Restore in the Account menu; Devices, Data exchange).</translation>
    </message>
    <message>
        <source>安全保密管理员：管理密级和安全设置（工具栏“设置”）。</source>
        <translation>Security administrator: manages secrecy levels and security settings (Settings in the toolbar).</translation>
    </message>
    <message>
        <source>安全审计员：查看、校验和导出审计日志（审计日志）。</source>
        <translation>Security auditor: reads, verifies and exports the audit log (Audit log).</translation>
    </message>
    <message>
        <source>信访件、谈话、底稿、线索、画像、整改、附件、文书和检索等案件内容不向三员显示（分级保护的三员分立要求）。如确需办理案件，须另行分配业务角色，此时本数据库即不再三员分立。</source>
        <translation>Case content (letters, interviews, findings, clues, portraits, rectification, attachments, documents and search) is not shown to the three security roles (separation of duties under graded protection). A user who must handle cases needs a business role as well; the store is then no longer separated.</translation>
    </message>
    <message>
        <source>三员分立</source>
        <translation>Separation of duties</translation>
    </message>
    <message>
        <source>您已申报回避。回避例外须由该组组长决定并写明理由，理由记入签署意见和审计日志。</source>
        <translation>You declared a recusal. Only the team leader may make an exception, stating the reason; the reason goes into the sign-off comment and the audit log.</translation>
    </message>
    <message>
        <source>底稿</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>组员</source>
        <comment>the one signing</comment>
        <translation>Member</translation>
    </message>
    <message>
        <source>回避对象</source>
        <translation>Recused from</translation>
    </message>
    <message>
        <source>签署</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>签署意见</source>
        <translation>Sign-off comment</translation>
    </message>
    <message>
        <source>仍由我办理</source>
        <translation>Handle it myself</translation>
    </message>
    <message>
        <source>您已申报回避。回避例外须由该组组长决定并写明理由，理由记入审计日志。</source>
        <translation>You declared a recusal. Only the team leader may make an exception, stating the reason; the reason goes into the audit log.</translation>
    </message>
    <message>
        <source>不能办理的原因</source>
        <translation>Why it was refused</translation>
    </message>
    <message>
        <source>为何须由您本人办理（必填）</source>
        <translation>Why you must handle it yourself (required)</translation>
    </message>
    <message>
        <source>回避例外理由</source>
        <translation>Reason for the exception</translation>
    </message>
    <message>
        <source>为何须由您本人签署（必填）</source>
        <translation>Why you must sign it yourself (required)</translation>
    </message>
    <message>
        <source>退回理由（必填）</source>
        <translation>Reason for returning (required)</translation>
    </message>
    <message>
        <source>回避例外</source>
        <translation>Recusal exception</translation>
    </message>
    <message>
        <source>作废记录</source>
        <translation>Void record</translation>
    </message>
    <message>
        <source>作废“%1”。作废后记录不再出现在列表、检索、统计和文书中，编号不再使用；作废及其理由记入审计日志并随数据包传递。

作废理由（必填）：</source>
        <translation>Void “%1”. A voided record leaves lists, search, statistics and documents, and its number is never used again; the voiding and its reason are written to the audit log and travel in packages.

Reason for voiding (required):</translation>
    </message>
    <message>
        <source>作废所选记录（须填写理由）</source>
        <translation>Void the selected record (a reason is required)</translation>
    </message>
    <message>
        <source>记录已作废</source>
        <translation>The record is voided</translation>
    </message>
    <message>
        <source>不能作废</source>
        <translation>Cannot void</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>本页没有此操作</source>
        <translation>This page has no such action</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>导出当前列表</source>
        <translation>Export the current list</translation>
    </message>
    <message>
        <source>正在导出“%1”…</source>
        <translation>Exporting “%1”…</translation>
    </message>
    <message>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>打印日期：%1</source>
        <translation>Printed: %1</translation>
    </message>
    <message>
        <source>打印列表</source>
        <translation>Print list</translation>
    </message>
    <message>
        <source>第 %1 页，共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>搜索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>按编号、姓名、名称或摘要中的文字查找，不区分大小写</source>
        <translation>Find text in the number, names, title or summary (not case-sensitive)</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>含“%1”</source>
        <translation>containing “%1”</translation>
    </message>
    <message>
        <source>使用手册</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>找不到使用手册文件：%1</source>
        <translation>User guide file not found: %1</translation>
    </message>
    <message>
        <source>在当前页面新建记录</source>
        <translation>New record on the current page</translation>
    </message>
    <message>
        <source>作废当前页面所选记录（须填写理由）</source>
        <translation>Void the selected record on the current page (a reason is required)</translation>
    </message>
    <message>
        <source>打印当前页面的列表（页面支持时）</source>
        <translation>Print the current page&apos;s list (where the page supports it)</translation>
    </message>
    <message>
        <source>刷新当前页面</source>
        <translation>Refresh the current page</translation>
    </message>
    <message>
        <source>全局检索</source>
        <translation>Global search</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>编辑窗口中保存</source>
        <translation>Save, in an editor</translation>
    </message>
    <message>
        <source>编辑窗口中撤销 / 重做</source>
        <translation>Undo / redo, in an editor</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>PostgreSQL（巡察办服务器）</source>
        <translation>PostgreSQL (office server)</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>关于巡察工作台</source>
        <translation>About Inspection Workbench</translation>
    </message>
    <message>
        <source>离线、加密的巡察工作台，供市县巡察机构使用。</source>
        <translation>An offline, encrypted workbench for city and county Party inspection bodies.</translation>
    </message>
    <message>
        <source>No Chinese font / 缺少中文字体</source>
        <translation>No Chinese font</translation>
    </message>
    <message>
        <source>No Chinese (CJK) font was found, so Chinese text shows as boxes.
Install one (Debian/Kylin/UOS: sudo apt install fonts-noto-cjk) and start again.

没有找到中文字体，界面中的汉字会显示为方框。请安装中文字体（例如 fonts-noto-cjk）后重新启动。</source>
        <translation>No Chinese (CJK) font was found, so Chinese text shows as boxes.
Install one (Debian/Kylin/UOS: sudo apt install fonts-noto-cjk) and start again.</translation>
    </message>
    <message>
        <source>问题底稿清单</source>
        <translation>List of working papers</translation>
    </message>
    <message>
        <source>转为问题线索</source>
        <translation>Turn into a problem lead</translation>
    </message>
    <message>
        <source>转为问题底稿</source>
        <translation>Turn into a working paper</translation>
    </message>
    <message>
        <source>%1 第 %2 行</source>
        <translation>%1, row %2</translation>
    </message>
    <message>
        <source>名单来源</source>
        <translation>Source, row</translation>
    </message>
    <message>
        <source>名单含个人信息，只有巡察办授权的角色可以导入和查看：%1</source>
        <translation>Lists hold personal data: only the roles the inspection office allows may import and view them: %1</translation>
    </message>
    <message>
        <source>巡察办服务器</source>
        <translation>Office server</translation>
    </message>
</context>
<context>
    <name>ActivityEditor</name>
    <message>
        <source>（按工作类型自动确定）</source>
        <translation>(set automatically from the activity type)</translation>
    </message>
    <message>
        <source>如：听取县交通运输局党组工作汇报</source>
        <translation>e.g. Hear the work report of the County Transport Bureau Party group</translation>
    </message>
    <message>
        <source>多人用顿号或空格分隔</source>
        <translation>Separate multiple people with commas or spaces</translation>
    </message>
    <message>
        <source>工作类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>工作方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>参与人</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation>Work log</translation>
    </message>
    <message>
        <source>新建工作记录</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>编辑工作记录 %1</source>
        <translation>Edit activity %1</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>不填则与用户名相同</source>
        <translation>Leave empty to use the username</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>初始口令</source>
        <translation>Initial passphrase</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>用户名用于解锁时登录，姓名显示在记录和文书上。初始口令至少 %1 个字符，请当面告知本人，并提醒其登录后在“账户 → 修改口令”中改掉。</source>
        <translation>The username is used to unlock; the name appears on records and documents. The initial passphrase needs at least %1 characters: tell it to the person face to face and remind them to change it under “Account → Change passphrase”.</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>请输入用户名</source>
        <translation>Enter the username</translation>
    </message>
    <message>
        <source>正在添加用户（生成密钥需要几秒钟）…</source>
        <translation>Adding the user (deriving the key takes a few seconds)…</translation>
    </message>
</context>
<context>
    <name>AttachmentDropZone</name>
    <message>
        <source>将文件拖放到此处，或</source>
        <translation>Drop files here, or</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>移除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>只解除与本记录的关联，附件仍保存在库中</source>
        <translation>Only unlinks it from this record; the attachment stays in the database</translation>
    </message>
    <message>
        <source>（尚未添加文件）</source>
        <translation>(no files added yet)</translation>
    </message>
    <message>
        <source>选择要加入的文件</source>
        <translation>Choose files to add</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在加密保存：%1</source>
        <translation>Encrypting and saving: %1</translation>
    </message>
    <message>
        <source>（另有 %1 个等待）</source>
        <translation> (%1 more waiting)</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>适合窗口</source>
        <translation>Fit to window</translation>
    </message>
    <message>
        <source>选择一个附件即可在此预览。</source>
        <translation>Select an attachment to preview it here.</translation>
    </message>
    <message>
        <source>PDF 文件已损坏或有密码保护，不能预览，可导出后用其他程序打开</source>
        <translation>The PDF is damaged or password-protected and cannot be previewed; export it to open in another program</translation>
    </message>
    <message>
        <source>无法识别此文本的编码（支持 UTF-8 和 GB18030），可导出后用其他程序打开</source>
        <translation>Cannot detect the text encoding (UTF-8 and GB18030 are supported); export it to open in another program</translation>
    </message>
    <message>
        <source>图片已损坏或格式不受支持，可导出后用其他程序打开</source>
        <translation>The image is damaged or in an unsupported format; export it to open in another program</translation>
    </message>
    <message>
        <source>（仅显示前 %1 个字符，完整内容请导出后查看）</source>
        <translation>(Only the first %1 characters are shown; export to see the full content)</translation>
    </message>
    <message>
        <source>第 %1 / %2 页</source>
        <translation>Page %1 / %2</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <source>加入附件…</source>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>选择要加入的文件</source>
        <translation>Select files to add</translation>
    </message>
    <message>
        <source>正在加密保存：%1</source>
        <translation>Encrypting and saving: %1</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导出附件（导出的文件不加密）</source>
        <translation>Export attachment (exported files are not encrypted)</translation>
    </message>
    <message>
        <source>附件大于 %1，不能预览，可导出后用其他程序打开（导出的文件不加密）</source>
        <translation>Attachment is larger than %1 and cannot be previewed; export it to open in another program (exported files are not encrypted)</translation>
    </message>
    <message>
        <source>正在解密预览…</source>
        <translation>Decrypting preview…</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>校验哈希链</source>
        <translation>Verify hash chain</translation>
    </message>
    <message>
        <source>哈希链完整：共 %1 条</source>
        <translation>Hash chain intact: %1 entries</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>备份把整个数据库和全部附件写入一个文件。备份文件是加密的：恢复时需要本数据库中系统管理员的口令。请把它存放在另一处介质（如移动硬盘）上，并妥善保管。</source>
        <translation>A backup writes the whole database and all attachments into one file. The backup is encrypted: restoring it needs the passphrase of a system administrator of this database. Keep it on another medium (such as an external drive) and store it safely.</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>开始备份</source>
        <translation>Start backup</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>备份文件 (*.wbk)</source>
        <translation>Backup files (*.wbk)</translation>
    </message>
    <message>
        <source>请选择备份文件的位置</source>
        <translation>Choose where to write the backup file</translation>
    </message>
    <message>
        <source>此文件已存在，请换一个文件名，不会覆盖已有的备份</source>
        <translation>This file already exists; choose another name. An existing backup is never overwritten.</translation>
    </message>
    <message>
        <source>已写入 %1 / %2</source>
        <translation>Written %1 / %2</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 %1（%2，已加密）。</source>
        <translation>Backed up to %1 (%2, encrypted).</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup complete</translation>
    </message>
    <message>
        <source>已取消，没有留下备份文件。</source>
        <translation>Cancelled; no backup file was left behind.</translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message>
        <source>立即备份…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>本数据库尚未备份。</source>
        <translation>This database has never been backed up. </translation>
    </message>
    <message>
        <source>上次备份：%1 天前。</source>
        <translation>Last backup: %1 days ago. </translation>
    </message>
    <message>
        <source>建议每 %1 天备份一次，备份文件请存放在另一处介质上。</source>
        <translation>Back up every %1 days and keep the backup file on another medium.</translation>
    </message>
</context>
<context>
    <name>BriefingWizard</name>
    <message>
        <source>生成部署包</source>
        <translation>Make briefing packages</translation>
    </message>
    <message>
        <source>正在生成部署包</source>
        <translation>Making briefing packages</translation>
    </message>
    <message>
        <source>正在为 %1 生成部署包（第 %2 台，共 %3 台）…</source>
        <translation>Making the briefing package for %1 (device %2 of %3)…</translation>
    </message>
    <message>
        <source>文件已存在，不会覆盖：%1</source>
        <translation>File already exists and will not be overwritten: %1</translation>
    </message>
    <message>
        <source>正在收集本轮数据并为各设备加密写入部署包…</source>
        <translation>Collecting the round&apos;s data and encrypting a briefing package for each device…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>修改口令</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>修改 %1 的解锁口令。新口令至少 %2 个字符，下次解锁时使用。</source>
        <translation>Change the unlock passphrase of %1. The new passphrase needs at least %2 characters and is used from the next unlock.</translation>
    </message>
    <message>
        <source>当前口令</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>再次输入新口令</source>
        <translation>New passphrase again</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请输入当前口令</source>
        <translation>Enter the current passphrase</translation>
    </message>
    <message>
        <source>两次输入的新口令不一致</source>
        <translation>The two new passphrases differ</translation>
    </message>
    <message>
        <source>正在修改口令…</source>
        <translation>Changing the passphrase…</translation>
    </message>
</context>
<context>
    <name>ClassificationCombo</name>
    <message>
        <source>（未分类）</source>
        <translation>(uncategorized)</translation>
    </message>
</context>
<context>
    <name>CloseOutDialog</name>
    <message>
        <source>整改销号 %1</source>
        <translation>Close out rectification %1</translation>
    </message>
    <message>
        <source>整改完成情况，记入进展情况</source>
        <translation>How the rectification was completed; added to the progress notes</translation>
    </message>
    <message>
        <source>问题表现</source>
        <translation>Problem description</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Close-out date</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Completion</translation>
    </message>
    <message>
        <source>已有佐证材料 %1 份，可再补充。</source>
        <translation>%1 evidence files already attached; you can add more.</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close out</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>附件仍在加密保存，请稍候。</source>
        <translation>Attachments are still being encrypted and saved; please wait.</translation>
    </message>
</context>
<context>
    <name>ClueEditor</name>
    <message>
        <source>留空则自动编号</source>
        <translation>Leave blank to number automatically</translation>
    </message>
    <message>
        <source>如：违反廉洁纪律</source>
        <translation>e.g. Violation of integrity discipline</translation>
    </message>
    <message>
        <source>反映的具体问题：时间、事项、金额、涉及人员</source>
        <translation>Specific issues reported: time, matter, amount, people involved</translation>
    </message>
    <message>
        <source>无（单移交）</source>
        <translation>None (single transfer)</translation>
    </message>
    <message>
        <source>接收单位选“其他”时填写</source>
        <translation>Required when the receiving unit is “Other”</translation>
    </message>
    <message>
        <source>设定</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation>Person complained about</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>干部级别</source>
        <translation>Cadre level</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>具体问题</source>
        <translation>Specific issues</translation>
    </message>
    <message>
        <source>涉及纪律</source>
        <translation>Discipline involved</translation>
    </message>
    <message>
        <source>一级分类</source>
        <translation>Primary category</translation>
    </message>
    <message>
        <source>二级分类</source>
        <translation>Secondary category</translation>
    </message>
    <message>
        <source>拟移交单位</source>
        <translation>Proposed recipient</translation>
    </message>
    <message>
        <source>移交方式</source>
        <translation>Transfer method</translation>
    </message>
    <message>
        <source>第二接收单位</source>
        <translation>Second receiving unit</translation>
    </message>
    <message>
        <source>其他单位名称</source>
        <translation>Other unit name</translation>
    </message>
    <message>
        <source>反馈期限</source>
        <translation>Feedback deadline</translation>
    </message>
    <message>
        <source>登记问题线索</source>
        <translation>Register clue</translation>
    </message>
    <message>
        <source>编辑问题线索 %1</source>
        <translation>Edit clue %1</translation>
    </message>
</context>
<context>
    <name>ClueTable</name>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>线索</source>
        <translation>Clues</translation>
    </message>
    <message>
        <source>已移交</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未分组</source>
        <translation>No team</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>冲突处理</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>%1：%2（%3 处不同）</source>
        <translation>%1: %2 (%3 differences)</translation>
    </message>
    <message>
        <source>待处理冲突 %1 条</source>
        <translation>Pending conflicts: %1</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No pending conflicts.</translation>
    </message>
    <message>
        <source>确认采用此版本</source>
        <translation>Confirm using this version</translation>
    </message>
    <message>
        <source>采用“%1”？其他版本将被取代（仍保留在版本记录中）。</source>
        <translation>Use “%1”? The other versions will be superseded (they remain in the version history).</translation>
    </message>
    <message>
        <source>采用</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>同一记录在两处被修改时，两个版本都保留在这里，由您比较后整体采用一个，或在“采用”一列逐项选定本机或来件，预览合并结果后保存；黄色底色的行是两个版本不同之处。</source>
        <translation>When a record was changed in two places, both versions are kept here: keep one whole, or pick this computer&apos;s or the incoming value field by field in the “Use” column, preview the merged result and save it. Rows with a yellow background are where the versions differ.</translation>
    </message>
    <message>
        <source>按所选逐项合并…</source>
        <translation>Merge as chosen…</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>合并后</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已采用版本 %1：%2</source>
        <translation>Version %1 adopted: %2</translation>
    </message>
    <message>
        <source>已按所选逐项合并：%1</source>
        <translation>Merged field by field: %1</translation>
    </message>
</context>
<context>
    <name>CosignDialog</name>
    <message>
        <source>共同签署</source>
        <translation>Co-sign</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>谈话人数</source>
        <translation>People interviewed</translation>
    </message>
    <message>
        <source>信访件</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation>Clues</translation>
    </message>
    <message>
        <source>已移交线索</source>
        <translation>Clues transferred</translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation>Immediate corrections</translation>
    </message>
    <message>
        <source>整改完成率</source>
        <translation>Rectification completion rate</translation>
    </message>
    <message>
        <source>线索反馈逾期</source>
        <translation>Clue feedback overdue</translation>
    </message>
    <message>
        <source>点击查看逾期未反馈的线索，逐条督办</source>
        <translation>Click to list the overdue clues and chase each one</translation>
    </message>
    <message>
        <source>整改逾期</source>
        <translation>Rectification overdue</translation>
    </message>
    <message>
        <source>点击查看逾期未销号的整改事项，逐项督办</source>
        <translation>Click to see the rectification items past their deadline and chase each one</translation>
    </message>
    <message>
        <source>问题按监督重点（方面）分布</source>
        <translation>Problems by supervision focus (area)</translation>
    </message>
    <message>
        <source>信访件按渠道分布</source>
        <translation>Letters by channel</translation>
    </message>
    <message>
        <source>信访件按分类分布</source>
        <translation>Letters by category</translation>
    </message>
    <message>
        <source>线索处置情况（按接收单位、巡察组）</source>
        <translation>Clue outcomes (by receiving unit and team)</translation>
    </message>
    <message>
        <source>只计已审签的底稿；另有 %1 份底稿尚未审签</source>
        <translation>Approved findings only; %1 more are not yet approved</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Uncategorized</translation>
    </message>
</context>
<context>
    <name>DatacheckPage</name>
    <message>
        <source>名单</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>疑点</source>
        <translation>Hits</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>设备管理</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>本巡察办签名指纹</source>
        <translation>This inspection office&apos;s signing fingerprint</translation>
    </message>
    <message>
        <source>所选设备</source>
        <translation>Selected device</translation>
    </message>
    <message>
        <source>设备编号</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <source>设备指纹</source>
        <translation>Device fingerprint</translation>
    </message>
    <message>
        <source>签发设备证书…</source>
        <translation>Issue device certificate…</translation>
    </message>
    <message>
        <source>签发回执…</source>
        <translation>Issue receipt…</translation>
    </message>
    <message>
        <source>吊销…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>选择登记申请</source>
        <translation>Choose registration request</translation>
    </message>
    <message>
        <source>登记申请 (*.json);;所有文件 (*)</source>
        <translation>Registration request (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>保存设备证书</source>
        <translation>Save device certificate</translation>
    </message>
    <message>
        <source>设备证书-%1.json</source>
        <translation>device-certificate-%1.json</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>证书保存为</source>
        <translation>Save certificate as</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>签发设备证书</source>
        <translation>Issue device certificate</translation>
    </message>
    <message>
        <source>请与设备持有人通电话，核对下面的设备指纹与对方读出的完全一致：</source>
        <translation>Call the device holder and check that the device fingerprint below exactly matches the one they read out:</translation>
    </message>
    <message>
        <source>使用人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>申请时间</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>我已与设备持有人核对，指纹完全一致</source>
        <translation>I have checked with the device holder and the fingerprints match exactly</translation>
    </message>
    <message>
        <source>签发证书</source>
        <translation>Issue certificate</translation>
    </message>
    <message>
        <source>已为 %1 签发设备证书：%2</source>
        <translation>Device certificate issued for %1: %2</translation>
    </message>
    <message>
        <source>证书已签发</source>
        <translation>Certificate issued</translation>
    </message>
    <message>
        <source>请把证书文件交设备持有人，并把下面的巡察办签名指纹读给对方核对：</source>
        <translation>Give the certificate file to the device holder, and read the inspection office signing fingerprint below to them for checking:</translation>
    </message>
    <message>
        <source>证书文件</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <source>已吊销设备 %1；吊销名单随下一次部署包送达各组。</source>
        <translation>Device %1 revoked; the revocation list reaches the teams with the next briefing package.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>生成文书：%1</source>
        <translation>Generate document: %1</translation>
    </message>
    <message>
        <source>Word 文档（.docx）</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <source>Excel 表格（.xlsx）</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>不填则不印份号</source>
        <translation>Leave blank for no copy number</translation>
    </message>
    <message>
        <source>指定成文日期</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <source>征求意见稿（含未审签底稿）</source>
        <translation>Draft for comments (includes unsigned working papers)</translation>
    </message>
    <message>
        <source>本次不用本办模板，用内置版式</source>
        <translation>Use the built-in layout this time instead of the office template</translation>
    </message>
    <message>
        <source>写出人员姓名（默认以职务代替）</source>
        <translation>Name individuals (by default their post replaces the name)</translation>
    </message>
    <message>
        <source>附评价明细表（附件）</source>
        <translation>Add the detailed assessment table (attachment)</translation>
    </message>
    <message>
        <source>接收单位：</source>
        <translation>Receiving unit:</translation>
    </message>
    <message>
        <source>范围：</source>
        <translation>Scope: </translation>
    </message>
    <message>
        <source>格式：</source>
        <translation>Format: </translation>
    </message>
    <message>
        <source>份号：</source>
        <translation>Copy no.: </translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>公文要素</source>
        <translation>Official document elements</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>特急</source>
        <translation>Extra urgent (特急)</translation>
    </message>
    <message>
        <source>加急</source>
        <translation>Urgent (加急)</translation>
    </message>
    <message>
        <source>不填则用本文书默认的主送机关</source>
        <translation>Leave blank for the document&apos;s default addressee</translation>
    </message>
    <message>
        <source>以顿号或逗号分隔；清空则不抄送</source>
        <translation>Separate with 、 or commas; empty: no copies</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>附件名称</source>
        <translation>Attachment name</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>如：此件发至乡镇（街道）</source>
        <translation>e.g. 此件发至乡镇（街道）</translation>
    </message>
    <message>
        <source>紧急程度：</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <source>签发人：</source>
        <translation>Signed off by:</translation>
    </message>
    <message>
        <source>主送：</source>
        <translation>Addressee:</translation>
    </message>
    <message>
        <source>抄送：</source>
        <translation>Copies to:</translation>
    </message>
    <message>
        <source>附件：</source>
        <translation>Attachments:</translation>
    </message>
    <message>
        <source>附注：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>不编号</source>
        <translation>No number</translation>
    </message>
    <message>
        <source>编发新文号</source>
        <translation>Issue a new number</translation>
    </message>
    <message>
        <source>沿用已发文号：</source>
        <translation>Reuse an issued number:</translation>
    </message>
    <message>
        <source>导出时取本机关代字的下一个发文字号并登记；即使随后取消或导出失败，该文号也已用掉，不再使用。</source>
        <translation>The export draws the next document number of this issuer and registers it; even if the export is then cancelled or fails, the number is used up and never issued again.</translation>
    </message>
    <message>
        <source>发文字号：</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <source>默认：%1</source>
        <translation>Default: %1</translation>
    </message>
    <message>
        <source>默认：本组组长</source>
        <translation>Default: the team leader</translation>
    </message>
    <message>
        <source>不抄送</source>
        <translation>No copies</translation>
    </message>
    <message>
        <source>选项已更改：点击“预览”查看更改后的页面。</source>
        <translation>The options changed: click “Preview” to see the pages with them.</translation>
    </message>
    <message>
        <source>Excel 台账没有分页版式，不提供页面预览；导出后可用 Excel 或 WPS 查看。</source>
        <translation>An Excel ledger has no page layout to preview; export it and view it in Excel or WPS.</translation>
    </message>
    <message>
        <source>未找到 LibreOffice，不能在本程序中预览页面。
可以直接导出，然后用 WPS 或 Word 打开查看和打印。</source>
        <translation>LibreOffice was not found, so this program cannot preview the pages.
Export the document, then view and print it in WPS or Word.</translation>
    </message>
    <message>
        <source>导出并打开…</source>
        <translation>Export and open…</translation>
    </message>
    <message>
        <source>点击“预览”，用 LibreOffice 排出页面后在此查看（需几秒钟）。</source>
        <translation>Click “Preview” to see the pages here as LibreOffice lays them out (takes a few seconds).</translation>
    </message>
    <message>
        <source>正在用 LibreOffice 排版，请稍候…</source>
        <translation>LibreOffice is laying out the pages, please wait…</translation>
    </message>
    <message>
        <source>共 %1 页，为 LibreOffice 的排版；WPS 或 Word 中可能略有差异。</source>
        <translation>%1 page(s) as LibreOffice lays them out; WPS or Word may differ slightly.</translation>
    </message>
</context>
<context>
    <name>DocumentTitle</name>
    <message>
        <source>谈话记录</source>
        <translation>Interview record</translation>
    </message>
    <message>
        <source>信访件登记表</source>
        <translation>Letter registration form</translation>
    </message>
    <message>
        <source>信访件处理单</source>
        <translation>Letter handling slip</translation>
    </message>
    <message>
        <source>信访件台账</source>
        <translation>Letters ledger</translation>
    </message>
    <message>
        <source>问题底稿</source>
        <translation>Finding working paper</translation>
    </message>
    <message>
        <source>问题底稿台账</source>
        <translation>Findings ledger</translation>
    </message>
    <message>
        <source>问题线索移交表</source>
        <translation>Clue transfer form</translation>
    </message>
    <message>
        <source>问题线索移交审批表</source>
        <translation>Clue transfer approval form</translation>
    </message>
    <message>
        <source>问题线索移交函</source>
        <translation>Clue transfer letter</translation>
    </message>
    <message>
        <source>问题线索台账</source>
        <translation>Clues ledger</translation>
    </message>
    <message>
        <source>巡察报告</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <source>问题线索专题报告</source>
        <translation>Special report on clues</translation>
    </message>
    <message>
        <source>反馈意见</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>立行立改通知书</source>
        <translation>Immediate correction notice</translation>
    </message>
    <message>
        <source>巡察建议书</source>
        <translation>Inspection recommendation</translation>
    </message>
    <message>
        <source>政治画像报告</source>
        <translation>Political portrait report</translation>
    </message>
    <message>
        <source>整改台账</source>
        <translation>Rectification ledger</translation>
    </message>
    <message>
        <source>整改通知</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>整改督办函</source>
        <translation>Rectification supervision letter</translation>
    </message>
    <message>
        <source>新官理旧账提醒函</source>
        <translation>Reminder letter to a new leader</translation>
    </message>
    <message>
        <source>立卷归档目录</source>
        <translation>Archive file list</translation>
    </message>
    <message>
        <source>巡察工作统计表</source>
        <translation>Inspection statistics</translation>
    </message>
    <message>
        <source>巡察工作方案</source>
        <translation>Inspection work plan</translation>
    </message>
    <message>
        <source>进驻通知</source>
        <translation>Entry notice</translation>
    </message>
    <message>
        <source>巡察公告</source>
        <translation>Inspection announcement</translation>
    </message>
    <message>
        <source>小信封</source>
        <translation>Small envelopes</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>未保存的草稿</source>
        <translation>Unsaved drafts</translation>
    </message>
    <message>
        <source>上次关闭前有以下内容尚未保存（已加密保存为草稿）。请选择恢复或放弃。</source>
        <translation>The following was not saved before the last close (it has been kept as an encrypted draft). Choose to restore or discard it.</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>稍后处理</source>
        <translation>Decide later</translation>
    </message>
</context>
<context>
    <name>EditRolesDialog</name>
    <message>
        <source>修改角色</source>
        <translation>Change roles</translation>
    </message>
    <message>
        <source>修改 %1 的角色，下次解锁时生效。</source>
        <translation>Change the roles of %1; they take effect at the next unlock.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EnableUserDialog</name>
    <message>
        <source>启用用户</source>
        <translation>Enable user</translation>
    </message>
    <message>
        <source>停用时已删除 %1 的口令。重新启用需设置新的口令（至少 %2 个字符），请当面告知本人。</source>
        <translation>The passphrase of %1 was removed when the user was disabled. Enabling the user again needs a new passphrase (at least %2 characters); tell it to the person face to face.</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>正在启用用户（生成密钥需要几秒钟）…</source>
        <translation>Enabling the user (deriving the key takes a few seconds)…</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>巡察办数据库：导入各巡察组的数据包，向巡察组下发数据、签发回执。</source>
        <translation>Inspection office database: import packages from the inspection teams, send data to the teams and issue receipts.</translation>
    </message>
    <message>
        <source>巡察组数据库：数据只以加密数据包交给巡察办；巡察办回执确认后，本轮结束时可清理本机数据。</source>
        <translation>Inspection team database: data goes to the inspection office only as encrypted packages; once the office confirms receipt, this computer&apos;s data can be wiped at the end of the round.</translation>
    </message>
    <message>
        <source>本机状态</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>巡察办签名指纹</source>
        <translation>Inspection office signing fingerprint</translation>
    </message>
    <message>
        <source>本设备指纹</source>
        <translation>This device&apos;s fingerprint</translation>
    </message>
    <message>
        <source>已信任的巡察办指纹</source>
        <translation>Trusted inspection office fingerprint</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>生成注册申请…</source>
        <translation>Create registration request…</translation>
    </message>
    <message>
        <source>生成登记申请文件，交巡察办签发证书</source>
        <translation>Create a registration request file for the inspection office to issue a certificate</translation>
    </message>
    <message>
        <source>接受设备证书…</source>
        <translation>Accept device certificate…</translation>
    </message>
    <message>
        <source>导入巡察办签发的设备证书</source>
        <translation>Import the device certificate issued by the inspection office</translation>
    </message>
    <message>
        <source>导出数据包…</source>
        <translation>Export package…</translation>
    </message>
    <message>
        <source>把本轮未确认的数据加密打包交巡察办</source>
        <translation>Encrypt this round&apos;s unconfirmed data into a package for the inspection office</translation>
    </message>
    <message>
        <source>导入巡察办下发的轮次、被巡察单位等数据</source>
        <translation>Import rounds, inspected units and other data sent by the inspection office</translation>
    </message>
    <message>
        <source>接受回执…</source>
        <translation>Accept receipt…</translation>
    </message>
    <message>
        <source>导入巡察办签发的回执</source>
        <translation>Import a receipt issued by the inspection office</translation>
    </message>
    <message>
        <source>清理本轮数据…</source>
        <translation>Wipe round data…</translation>
    </message>
    <message>
        <source>巡察办确认收到后，删除本机上的本轮数据</source>
        <translation>Delete this round&apos;s data from this computer once the inspection office has confirmed receipt</translation>
    </message>
    <message>
        <source>初始化交换密钥</source>
        <translation>Initialize exchange keys</translation>
    </message>
    <message>
        <source>生成巡察办的加密和签名密钥（只做一次）</source>
        <translation>Generate the inspection office&apos;s encryption and signing keys (done once)</translation>
    </message>
    <message>
        <source>导入数据包…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <source>校验并导入巡察组数据包</source>
        <translation>Verify and import an inspection team package</translation>
    </message>
    <message>
        <source>导入部署包…</source>
        <translation>Import briefing package…</translation>
    </message>
    <message>
        <source>生成部署包…</source>
        <translation>Make briefing packages…</translation>
    </message>
    <message>
        <source>把轮次、被巡察单位、清单等下发给巡察组设备</source>
        <translation>Send rounds, inspected units, lists and more to inspection team devices</translation>
    </message>
    <message>
        <source>签发回执…</source>
        <translation>Issue receipt…</translation>
    </message>
    <message>
        <source>确认已收到某设备的数据包</source>
        <translation>Confirm that a device&apos;s package has been received</translation>
    </message>
    <message>
        <source>设备管理</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>已登记设备、签发证书、吊销</source>
        <translation>Registered devices, issuing certificates, revocation</translation>
    </message>
    <message>
        <source>冲突处理</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>同一记录被两处修改时选定版本</source>
        <translation>Choose a version when the same record was changed in two places</translation>
    </message>
    <message>
        <source>交换密钥已就绪。请将签名指纹告知各巡察组，供其接受证书时核对。</source>
        <translation>Exchange keys are ready. Tell each inspection team the signing fingerprint so they can check it when accepting certificates.</translation>
    </message>
    <message>
        <source>尚未生成交换密钥：请先“初始化交换密钥”。</source>
        <translation>No exchange keys yet: first use “Initialize exchange keys”.</translation>
    </message>
    <message>
        <source>本设备已登记，证书有效期至 %1。</source>
        <translation>This device is registered; its certificate is valid until %1.</translation>
    </message>
    <message>
        <source>已生成注册申请，等待巡察办签发证书；收到证书后请“接受设备证书”。</source>
        <translation>Registration request created; waiting for the inspection office to issue a certificate. When you receive it, use “Accept device certificate”.</translation>
    </message>
    <message>
        <source>本设备尚未登记：请先“生成注册申请”，交巡察办签发证书。</source>
        <translation>This device is not registered yet: first use “Create registration request” and give it to the inspection office to issue a certificate.</translation>
    </message>
    <message>
        <source>本库还没有巡察轮次：请先新建巡察轮次。</source>
        <translation>This store has no inspection round yet: create a round first.</translation>
    </message>
    <message>
        <source>还没有已登记的巡察组设备：请先在“设备管理”中签发设备证书。</source>
        <translation>No team device is enrolled yet: issue device certificates on the Devices page first.</translation>
    </message>
    <message>
        <source>保存注册申请</source>
        <translation>Save registration request</translation>
    </message>
    <message>
        <source>注册申请.json</source>
        <translation>registration-request.json</translation>
    </message>
    <message>
        <source>注册申请 (*.json)</source>
        <translation>Registration request (*.json)</translation>
    </message>
    <message>
        <source>已生成注册申请：%1</source>
        <translation>Registration request created: %1</translation>
    </message>
    <message>
        <source>注册申请已生成</source>
        <translation>Registration request created</translation>
    </message>
    <message>
        <source>请把申请文件交巡察办，并通过电话把下面的本设备指纹读给巡察办核对；巡察办签发证书前会核对这一指纹。</source>
        <translation>Give the request file to the inspection office and read this device&apos;s fingerprint below to them by phone; the office checks it before issuing the certificate.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>设备编号</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <source>选择设备证书</source>
        <translation>Choose device certificate</translation>
    </message>
    <message>
        <source>设备证书 (*.json);;所有文件 (*)</source>
        <translation>Device certificate (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>接受设备证书</source>
        <translation>Accept device certificate</translation>
    </message>
    <message>
        <source>请与巡察办通电话，核对下面的巡察办签名指纹与对方读出的完全一致：</source>
        <translation>Call the inspection office and check that the inspection office signing fingerprint below exactly matches the one they read out:</translation>
    </message>
    <message>
        <source>证书持有人</source>
        <translation>Certificate holder</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>我已与巡察办核对，指纹完全一致</source>
        <translation>I have checked with the inspection office and the fingerprints match exactly</translation>
    </message>
    <message>
        <source>接受证书</source>
        <translation>Accept certificate</translation>
    </message>
    <message>
        <source>已接受设备证书，有效期至 %1。本设备可以导出数据包了。</source>
        <translation>Device certificate accepted, valid until %1. This device can now export packages.</translation>
    </message>
    <message>
        <source>请先在工具栏选择要清理的巡察轮次。</source>
        <translation>First choose the inspection round to wipe in the toolbar.</translation>
    </message>
    <message>
        <source>已生成巡察办交换密钥</source>
        <translation>Inspection office exchange keys generated</translation>
    </message>
    <message>
        <source>请把下面的签名指纹告知各巡察组（电话或书面），供其接受设备证书时核对。</source>
        <translation>Tell each inspection team the signing fingerprint below (by phone or in writing) so they can check it when accepting device certificates.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>导出数据包</source>
        <translation>Export package</translation>
    </message>
    <message>
        <source>正在导出</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>正在加密写入数据包：%1 / %2</source>
        <translation>Encrypting and writing the package: %1 / %2</translation>
    </message>
    <message>
        <source>正在收集本轮记录并加密写入数据包…</source>
        <translation>Collecting this round&apos;s records and writing them encrypted into the package…</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <source>留空则自动编号</source>
        <translation>Leave blank to number automatically</translation>
    </message>
    <message>
        <source>一个问题一份底稿</source>
        <translation>One finding per working paper</translation>
    </message>
    <message>
        <source>单位：元，可留空</source>
        <translation>In CNY, may be left blank</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please choose</translation>
    </message>
    <message>
        <source>问题的具体表现：事实、时间、金额</source>
        <translation>What the problem looks like: facts, dates, amounts</translation>
    </message>
    <message>
        <source>通过何种方式、查阅哪些材料发现</source>
        <translation>How it was found and which materials were reviewed</translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation>Immediate correction</translation>
    </message>
    <message>
        <source>纳入巡察报告</source>
        <translation>Include in inspection report</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>底稿名称</source>
        <translation>Working paper title</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>编制日期</source>
        <translation>Date drafted</translation>
    </message>
    <message>
        <source>发现方式</source>
        <translation>Discovery method</translation>
    </message>
    <message>
        <source>问题分类</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>涉及纪律</source>
        <translation>Disciplines involved</translation>
    </message>
    <message>
        <source>问题概述</source>
        <translation>Problem overview</translation>
    </message>
    <message>
        <source>发现过程</source>
        <translation>How it was found</translation>
    </message>
    <message>
        <source>责任主体</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>涉及金额（元）</source>
        <translation>Amount involved (CNY)</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>定性依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>问题来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Supporting evidence</translation>
    </message>
    <message>
        <source>（尚无佐证材料）</source>
        <translation>(no supporting evidence yet)</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>新加文件作为：</source>
        <translation>Add new files as: </translation>
    </message>
    <message>
        <source>按文件类型判断</source>
        <translation>Detect from file type</translation>
    </message>
    <message>
        <source>加入的文件在保存底稿时登记为佐证材料。</source>
        <translation>Files added here are registered as supporting evidence when the finding is saved.</translation>
    </message>
    <message>
        <source>，%1 页</source>
        <translation>, %1 pages</translation>
    </message>
    <message>
        <source>，附电子件</source>
        <translation>, with electronic copy</translation>
    </message>
    <message>
        <source>%1 %2 件</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>（未关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>退回理由：</source>
        <translation>Reason for return: </translation>
    </message>
    <message>
        <source>底稿已审签，已锁定，不能修改（只读）。</source>
        <translation>The finding has been approved and is locked; it is read-only.</translation>
    </message>
    <message>
        <source>底稿处于“%1”状态，只读；退回后才能修改。</source>
        <translation>The finding is in the “%1” state and read-only; it can be changed only after it is returned.</translation>
    </message>
    <message>
        <source>新建问题底稿</source>
        <translation>New finding</translation>
    </message>
    <message>
        <source>编辑问题底稿 %1</source>
        <translation>Edit finding %1</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Inspection team</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstRunChecklist</name>
    <message>
        <source>本库还没有巡察轮次</source>
        <translation>This store has no inspection round yet</translation>
    </message>
    <message>
        <source>按以下步骤配置一轮巡察，再把部署包交给各巡察组的笔记本。</source>
        <translation>Set up a round with these steps, then hand the briefing packages to the teams&apos; laptops.</translation>
    </message>
    <message>
        <source>本机首次使用：三步开始工作</source>
        <translation>First use of this laptop: three steps to start work</translation>
    </message>
    <message>
        <source>本机的轮次、被巡察单位和清单来自巡察办的部署包；请依次完成以下步骤。</source>
        <translation>This laptop&apos;s round, inspected units and lists come from the office&apos;s briefing package; complete these steps in order.</translation>
    </message>
    <message>
        <source>导入设备证书…</source>
        <translation>Import device certificate…</translation>
    </message>
    <message>
        <source>生成登记申请…</source>
        <translation>Make enrolment request…</translation>
    </message>
    <message>
        <source>本设备已登记，证书有效期至 %1。</source>
        <translation>This device is enrolled; its certificate is valid until %1.</translation>
    </message>
    <message>
        <source>登记申请已生成，等待巡察办签发；收到证书后导入，并与巡察办电话核对指纹。</source>
        <translation>The enrolment request is made and awaits the office&apos;s signature; import the certificate when it arrives and check the fingerprint with the office by phone.</translation>
    </message>
    <message>
        <source>生成登记申请，交巡察办签发设备证书（电话核对指纹），再导入证书。</source>
        <translation>Make an enrolment request, have the office issue a device certificate (fingerprint checked by phone), then import the certificate.</translation>
    </message>
    <message>
        <source>登记本机</source>
        <translation>Enrol this laptop</translation>
    </message>
    <message>
        <source>导入部署包</source>
        <translation>Import the briefing package</translation>
    </message>
    <message>
        <source>巡察办为本机生成部署包后导入：本轮的巡察组、被巡察单位和清单随之而来。</source>
        <translation>Once the office has made a briefing package for this laptop, import it: it brings the round&apos;s teams, inspected units and lists.</translation>
    </message>
    <message>
        <source>导入部署包…</source>
        <translation>Import briefing package…</translation>
    </message>
    <message>
        <source>请先完成第 1 步：本机登记后才能导入部署包。</source>
        <translation>Complete step 1 first: a briefing package can be imported only after enrolment.</translation>
    </message>
    <message>
        <source>开始工作</source>
        <translation>Start work</translation>
    </message>
    <message>
        <source>导入后，在左侧选择信访件、个别谈话、问题底稿等开始录入。</source>
        <translation>After the import, choose letters, interviews, findings and so on at the left to start entering records.</translation>
    </message>
    <message>
        <source>初始化交换密钥</source>
        <translation>Initialize exchange keys</translation>
    </message>
    <message>
        <source>生成巡察办的加密和签名密钥（只做一次），把签名指纹告知各巡察组。</source>
        <translation>Make the office&apos;s encryption and signing keys (once) and tell the teams the signing fingerprint.</translation>
    </message>
    <message>
        <source>初始化交换密钥…</source>
        <translation>Initialize exchange keys…</translation>
    </message>
    <message>
        <source>新建巡察轮次</source>
        <translation>Create an inspection round</translation>
    </message>
    <message>
        <source>填写轮次名称、类型和各阶段日期，再配置巡察组、组员和被巡察单位。</source>
        <translation>Enter the round&apos;s name, type and phase dates, then set up its teams, members and inspected units.</translation>
    </message>
    <message>
        <source>新建巡察轮次…</source>
        <translation>New inspection round…</translation>
    </message>
    <message>
        <source>登记巡察组设备</source>
        <translation>Enrol the teams&apos; devices</translation>
    </message>
    <message>
        <source>在“设备管理”中为各组笔记本签发设备证书，再在“数据交换”页生成部署包交各组导入。</source>
        <translation>Issue device certificates for the teams&apos; laptops on the Devices page, then make briefing packages on the Data exchange page for the teams to import.</translation>
    </message>
    <message>
        <source>设备管理</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>请先完成第 1 步：初始化交换密钥。</source>
        <translation>Complete step 1 first: initialize the exchange keys.</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>待完成</source>
        <translation>To do</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>巡察工作台</source>
        <translation>Inspection Workbench</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FocusEditor</name>
    <message>
        <source>（目录中无说明）</source>
        <translation>(no description in the catalog)</translation>
    </message>
    <message>
        <source>了解了哪些情况、查阅了哪些材料、与谁谈过</source>
        <translation>What was learned, which materials were reviewed, who was interviewed</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>监督重点事项</source>
        <translation>Focus item</translation>
    </message>
    <message>
        <source>了解要点</source>
        <translation>Points to check</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>情况记录</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>关联问题底稿</source>
        <translation>Linked findings</translation>
    </message>
    <message>
        <source>监督重点 %1</source>
        <translation>Focus item %1</translation>
    </message>
</context>
<context>
    <name>FocusTab</name>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>监督重点</source>
        <translation>Focus item</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>按类型重新生成</source>
        <translation>Generate by unit type</translation>
    </message>
    <message>
        <source>%1（%2 条）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <source>每个被巡察单位都已有监督重点清单</source>
        <translation>Every inspected unit already has its supervision focus list</translation>
    </message>
    <message>
        <source>已按类型生成监督重点清单：%1 个单位有清单。</source>
        <translation>Supervision focus lists generated by unit type: %1 units have a list.</translation>
    </message>
</context>
<context>
    <name>FollowThroughDialog</name>
    <message>
        <source>整改跟踪：%1</source>
        <translation>Follow-through: %1</translation>
    </message>
    <message>
        <source>办理日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>报送期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>报送日期</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>登记应报送</source>
        <translation>Register as due</translation>
    </message>
    <message>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Returned for revision</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>整改方案/报告</source>
        <translation>Plan/report</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>监督单位</source>
        <translation>Supervising body</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Chase</translation>
    </message>
    <message>
        <source>督查情况</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>针对整改事项 %1</source>
        <translation>On rectification item %1</translation>
    </message>
    <message>
        <source>督办（逾期事项自动记为督办）</source>
        <translation>Chase (automatic for an overdue item)</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>登记监督记录</source>
        <translation>Add supervision record</translation>
    </message>
    <message>
        <source>监督记录</source>
        <translation>Supervision records</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <source>等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>评估人</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>评估意见</source>
        <translation>Assessment opinion</translation>
    </message>
    <message>
        <source>质效评估</source>
        <translation>Quality assessment</translation>
    </message>
    <message>
        <source>调整日期</source>
        <translation>Changed on</translation>
    </message>
    <message>
        <source>原主要负责人</source>
        <translation>Previous principal</translation>
    </message>
    <message>
        <source>新任主要负责人</source>
        <translation>New principal</translation>
    </message>
    <message>
        <source>发函日期</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>涉及事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>登记提醒函</source>
        <translation>Add reminder letter</translation>
    </message>
    <message>
        <source>登记发函</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>生成提醒函…</source>
        <translation>Make the reminder letter…</translation>
    </message>
    <message>
        <source>新官理旧账提醒函</source>
        <translation>Reminder letters to new leaders</translation>
    </message>
    <message>
        <source>（逾期报送）</source>
        <translation> (submitted late)</translation>
    </message>
    <message>
        <source>请先在表格中选择一条%1</source>
        <translation>Select a %1 in the table first</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reason: </translation>
    </message>
    <message>
        <source>提醒函</source>
        <translation>reminder letter</translation>
    </message>
    <message>
        <source>提醒函：%1</source>
        <translation>Reminder letter: %1</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>record</translation>
    </message>
    <message>
        <source>作废理由：</source>
        <translation>Reason for voiding: </translation>
    </message>
</context>
<context>
    <name>HitConvertDialog</name>
    <message>
        <source>比对到的数据将作为证据（加密的 Excel 文件）附上；新的疑点同时标为属实。</source>
        <translation>The matched rows are attached as evidence (an encrypted Excel file); a new hit is marked confirmed at the same time.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>疑点：</source>
        <translation>Hit:</translation>
    </message>
</context>
<context>
    <name>HitToClueDialog</name>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>干部管理权限：</source>
        <translation>Cadre management level:</translation>
    </message>
    <message>
        <source>职务：</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>移交单位：</source>
        <translation>Transfer to:</translation>
    </message>
    <message>
        <source>被巡察单位：</source>
        <translation>Inspected unit:</translation>
    </message>
</context>
<context>
    <name>HitToFindingDialog</name>
    <message>
        <source>元，可不填</source>
        <translation>yuan, optional</translation>
    </message>
    <message>
        <source>被巡察单位：</source>
        <translation>Inspected unit:</translation>
    </message>
    <message>
        <source>底稿名称：</source>
        <translation>Working paper title:</translation>
    </message>
    <message>
        <source>涉及金额：</source>
        <translation>Amount involved:</translation>
    </message>
</context>
<context>
    <name>HitsTab</name>
    <message>
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>规则：</source>
        <translation>Rule:</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>比对情况</source>
        <translation>What was matched</translation>
    </message>
    <message>
        <source>打开线索</source>
        <translation>Open lead</translation>
    </message>
    <message>
        <source>排除…</source>
        <translation>Exclude…</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>属实</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>转为问题线索…</source>
        <translation>To problem lead…</translation>
    </message>
    <message>
        <source>转为问题底稿…</source>
        <translation>To working paper…</translation>
    </message>
    <message>
        <source>共 %1 条</source>
        <translation>%1 in all</translation>
    </message>
    <message>
        <source>选择一条疑点查看比对到的数据。</source>
        <translation>Select a hit to see the rows it matched.</translation>
    </message>
    <message>
        <source>定性提示：</source>
        <translation>Qualification hint: </translation>
    </message>
    <message>
        <source>涉及纪律：</source>
        <translation>Disciplines involved: </translation>
    </message>
    <message>
        <source>只显示与比对相关的列。</source>
        <translation>Only the columns the match used are shown.</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation> Reason: </translation>
    </message>
    <message>
        <source>处理情况：</source>
        <translation>Decision: </translation>
    </message>
    <message>
        <source>处理比对疑点需要以下角色之一：%1</source>
        <translation>Handling hits needs one of these roles: %1</translation>
    </message>
    <message>
        <source>编制底稿需要以下角色之一：%1</source>
        <translation>Drafting a working paper needs one of these roles: %1</translation>
    </message>
    <message>
        <source>已排除</source>
        <translation>Already excluded</translation>
    </message>
    <message>
        <source>已标为待核实</source>
        <translation>Already marked to verify</translation>
    </message>
    <message>
        <source>已标为属实</source>
        <translation>Already marked confirmed</translation>
    </message>
    <message>
        <source>疑点已转为%1，不能排除；如转错了，请先作废该记录</source>
        <translation>The hit was turned into %1 and cannot be excluded; if that was a mistake, void that record first</translation>
    </message>
    <message>
        <source>疑点已转为%1，不能重复转换</source>
        <translation>The hit was already turned into %1</translation>
    </message>
    <message>
        <source>疑点已排除；如需转换，请先将其改为待核实或属实</source>
        <translation>The hit is excluded; to turn it into a record, first mark it to verify or confirmed</translation>
    </message>
    <message>
        <source>排除此疑点，需说明理由</source>
        <translation>Exclude this hit (a reason is required)</translation>
    </message>
    <message>
        <source>标为待核实</source>
        <translation>Mark as to verify</translation>
    </message>
    <message>
        <source>核实后标为属实</source>
        <translation>Mark as confirmed once verified</translation>
    </message>
    <message>
        <source>据此疑点新建问题线索，比对到的数据作为证据附上</source>
        <translation>Register a problem lead from this hit, with the matched rows attached as evidence</translation>
    </message>
    <message>
        <source>据此疑点新建问题底稿，比对到的数据作为证据附上</source>
        <translation>Draft a working paper from this hit, with the matched rows attached as evidence</translation>
    </message>
    <message>
        <source>打开底稿</source>
        <translation>Open working paper</translation>
    </message>
    <message>
        <source>已转为问题线索 %1</source>
        <translation>Turned into problem lead %1</translation>
    </message>
    <message>
        <source>已转为问题底稿 %1</source>
        <translation>Turned into working paper %1</translation>
    </message>
    <message>
        <source>排除疑点</source>
        <translation>Exclude hit</translation>
    </message>
    <message>
        <source>排除理由（必填）：</source>
        <translation>Reason for excluding (required):</translation>
    </message>
    <message>
        <source>排除疑点须说明理由。</source>
        <translation>Excluding a hit needs a reason.</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>整改台账导入结果</source>
        <translation>Rectification ledger import results</translation>
    </message>
    <message>
        <source>“%1”未导入：可更新 %2 项，可新增 %3 项，未变化 %4 项，未通过检查 %5 项。</source>
        <translation>“%1” was not imported: %2 would be updated, %3 added, %4 unchanged, %5 failed the checks.</translation>
    </message>
    <message>
        <source>“%1”：已更新 %2 项，已新增 %3 项，未变化 %4 项，未导入 %5 项。</source>
        <translation>“%1”: %2 updated, %3 added, %4 unchanged, %5 not imported.</translation>
    </message>
    <message>
        <source>有行未通过检查，整个文件未导入，没有做任何修改。请按原因改正后重新导入，或只导入其余无误的行。</source>
        <translation>Some rows failed the checks, so the whole file was not imported and nothing was changed. Correct them as the reason indicates and import again, or import only the rows without errors.</translation>
    </message>
    <message>
        <source>未导入的行没有做任何修改；请按原因改正后重新导入，或在工作台中处理。</source>
        <translation>Rows that were not imported were left unchanged; correct them as the reason indicates and import again, or handle them in the workbench.</translation>
    </message>
    <message>
        <source>所有修改均已保存。</source>
        <translation>All changes have been saved.</translation>
    </message>
    <message>
        <source>已更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>可更新</source>
        <translation>Would update</translation>
    </message>
    <message>
        <source>已新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>可新增</source>
        <translation>Would add</translation>
    </message>
    <message>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>修改的列或未导入原因</source>
        <translation>Changed columns or reason not imported</translation>
    </message>
    <message>
        <source>只导入无误的行</source>
        <translation>Import only the rows without errors</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入数据包</source>
        <translation>Import package</translation>
    </message>
    <message>
        <source>导入部署包或回执</source>
        <translation>Import briefing package or receipt</translation>
    </message>
    <message>
        <source>正在校验</source>
        <translation>Verifying</translation>
    </message>
    <message>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>类型：%1</source>
        <translation>Type: %1</translation>
    </message>
    <message>
        <source>发送方：%1（设备 %2）</source>
        <translation>Sender: %1 (device %2)</translation>
    </message>
    <message>
        <source>巡察轮次：%1</source>
        <translation>Inspection round: %1</translation>
    </message>
    <message>
        <source>设备序号：第 %1 号</source>
        <translation>Device sequence no.: %1</translation>
    </message>
    <message>
        <source>生成时间：%1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <source>数据包编号：%1</source>
        <translation>Package ID: %1</translation>
    </message>
    <message>
        <source>内容：%1</source>
        <translation>Contents: %1</translation>
    </message>
    <message>
        <source>附件：%1 个</source>
        <translation>Attachments: %1</translation>
    </message>
    <message>
        <source>正在解密、验证签名并核对内容（不写入任何数据）…</source>
        <translation>Decrypting, verifying the signature and checking the contents (nothing is written)…</translation>
    </message>
    <message>
        <source>已复制到暂存区，正在解密…</source>
        <translation>Copied to the staging area; decrypting…</translation>
    </message>
    <message>
        <source>已解密并验证签名，正在核对记录…</source>
        <translation>Decrypted and signature verified; checking records…</translation>
    </message>
    <message>
        <source>记录核对无误，正在写入…</source>
        <translation>Records checked; writing…</translation>
    </message>
    <message>
        <source>已写入，正在提交…</source>
        <translation>Written; committing…</translation>
    </message>
    <message>
        <source>已提交</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>正在解密、核对并写入：%1 / %2</source>
        <translation>Decrypting, checking and writing: %1 / %2</translation>
    </message>
    <message>
        <source>正在复制到暂存区…</source>
        <translation>Copying to the staging area…</translation>
    </message>
</context>
<context>
    <name>IndexStatus</name>
    <message>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>停止编入检索；剩余记录在下次解锁或导入后继续</source>
        <translation>Stop indexing; the remaining records continue after the next unlock or import</translation>
    </message>
    <message>
        <source>正在编入检索：%1 / %2</source>
        <translation>Indexing for search: %1 / %2</translation>
    </message>
</context>
<context>
    <name>InterviewEditor</name>
    <message>
        <source>留空则自动编号</source>
        <translation>Leave blank to number automatically</translation>
    </message>
    <message>
        <source>至少两人，用顿号分隔</source>
        <translation>At least two people, separated by commas</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>谈话类型</source>
        <translation>Interview type</translation>
    </message>
    <message>
        <source>谈话时间</source>
        <translation>Interview time</translation>
    </message>
    <message>
        <source>谈话地点</source>
        <translation>Interview place</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>谈话人</source>
        <translation>Interviewers</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>谈话对象</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>对象单位</source>
        <translation>Interviewee&apos;s unit</translation>
    </message>
    <message>
        <source>对象职务</source>
        <translation>Interviewee&apos;s position</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation>Political affiliation</translation>
    </message>
    <message>
        <source>谈话提纲</source>
        <translation>Interview outline</translation>
    </message>
    <message>
        <source>谈话摘要</source>
        <translation>Interview summary</translation>
    </message>
    <message>
        <source>谈话笔录</source>
        <translation>Interview transcript</translation>
    </message>
    <message>
        <source>笔录已经谈话对象签字确认，不能再修改。</source>
        <translation>The transcript has been signed and confirmed by the interviewee and can no longer be changed.</translation>
    </message>
    <message>
        <source>新建谈话记录</source>
        <translation>New interview record</translation>
    </message>
    <message>
        <source>编辑谈话记录 %1</source>
        <translation>Edit interview record %1</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>JobWizard</name>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>LetterEditor</name>
    <message>
        <source>留空则自动编号</source>
        <translation>Leave blank to number automatically</translation>
    </message>
    <message>
        <source>电话、地址或邮箱</source>
        <translation>Phone, address or email</translation>
    </message>
    <message>
        <source>匿名（不填写反映人姓名）</source>
        <translation>Anonymous (complainant&apos;s name not given)</translation>
    </message>
    <message>
        <source>每行一人：姓名 职务 单位</source>
        <translation>One person per line: name, position, unit</translation>
    </message>
    <message>
        <source>反映的主要问题</source>
        <translation>Main issues raised</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>来源渠道</source>
        <translation>Source channel</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>反映人姓名</source>
        <translation>Complainant&apos;s name</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation>Person complained about</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>涉及纪律</source>
        <translation>Disciplines involved</translation>
    </message>
    <message>
        <source>原件扫描</source>
        <translation>Scan of original</translation>
    </message>
    <message>
        <source>登记信访件</source>
        <translation>Register letter</translation>
    </message>
    <message>
        <source>编辑信访件 %1</source>
        <translation>Edit letter %1</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>登记信访件</source>
        <translation>Register letter</translation>
    </message>
    <message>
        <source>转为线索</source>
        <translation>Turn into clue</translation>
    </message>
    <message>
        <source>分类处置</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>摘要…</source>
        <translation>Summarize…</translation>
    </message>
    <message>
        <source>组务会研究…</source>
        <translation>Team meeting review…</translation>
    </message>
    <message>
        <source>纳入底稿</source>
        <translation>Add to finding</translation>
    </message>
    <message>
        <source>转交…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>留存备查</source>
        <translation>Keep on file</translation>
    </message>
    <message>
        <source>了结</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>标记为重复件…</source>
        <translation>Mark as duplicate…</translation>
    </message>
    <message>
        <source>被反映人的干部级别：</source>
        <translation>Cadre level of the person complained about:</translation>
    </message>
    <message>
        <source>不能转为线索</source>
        <translation>Cannot turn into a clue</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>涉及纪律</source>
        <translation>Disciplines involved</translation>
    </message>
    <message>
        <source>摘要信访件</source>
        <translation>Summarize letter</translation>
    </message>
    <message>
        <source>保存摘要</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <source>记录组务会研究的日期、分类和拟办意见（组长）。</source>
        <translation>Record the team meeting date, category and proposed handling (team leader).</translation>
    </message>
    <message>
        <source>组务会日期</source>
        <translation>Team meeting date</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>拟办意见</source>
        <translation>Proposed handling</translation>
    </message>
    <message>
        <source>组务会研究</source>
        <translation>Team meeting review</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>将信访件 %1 处置为“%2”。</source>
        <translation>Disposed of letter %1 as “%2”.</translation>
    </message>
    <message>
        <source>如：县信访局、乡镇党委</source>
        <translation>e.g. county petition bureau, township Party committee</translation>
    </message>
    <message>
        <source>转交</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>转交单位</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>重复件关联到原件，留存备查，由原件继续办理。</source>
        <translation>A duplicate is linked to the original and kept for reference; the original continues to be handled.</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>正在查找相似的信访件…</source>
        <translation>Looking for similar letters…</translation>
    </message>
    <message>
        <source>（未找到相似的信访件）</source>
        <translation>(no similar letters found)</translation>
    </message>
    <message>
        <source>标记为重复件</source>
        <translation>Mark as duplicate</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Mark</translation>
    </message>
    <message>
        <source>请先在上方选择巡察轮次，再登记信访件。</source>
        <translation>Select an inspection round above before registering a letter.</translation>
    </message>
</context>
<context>
    <name>LinkMemberDialog</name>
    <message>
        <source>关联组员</source>
        <translation>Link to team member</translation>
    </message>
    <message>
        <source>%1 在本机以所选组员的身份工作：组长、副组长复核和审签本组底稿须先关联。组员名单由巡察办在部署包中下发，此处的关联只保存在本机。</source>
        <translation>%1 works on this computer as the chosen team member: a team leader or deputy must be linked before reviewing and approving the team&apos;s findings. The member list comes from the office in the briefing; this link is kept on this computer only.</translation>
    </message>
    <message>
        <source>巡察轮次</source>
        <translation>Inspection round</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Inspection team</translation>
    </message>
    <message>
        <source>组员</source>
        <translation>Team member</translation>
    </message>
    <message>
        <source>关联</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>本机还没有组员名单：请先导入巡察办的部署包（或由巡察办配置巡察组）。</source>
        <translation>This computer has no member list yet: import the office&apos;s briefing first (or have the office set up the teams).</translation>
    </message>
    <message>
        <source>该组员已关联此用户。</source>
        <translation>This member is already linked to this user.</translation>
    </message>
    <message>
        <source>该组员已关联用户 %1：一名组员只能关联一个用户，请先取消该关联。</source>
        <translation>This member is linked to user %1: a member can be linked to one user only, remove that link first.</translation>
    </message>
    <message>
        <source>组员姓名与该用户的姓名相同，已预先选中，请核对后关联。</source>
        <translation>The member&apos;s name is the user&apos;s name, so it is pre-selected: check it, then link.</translation>
    </message>
</context>
<context>
    <name>ListEntryDialog</name>
    <message>
        <source>编辑清单条目</source>
        <translation>Edit list entry</translation>
    </message>
    <message>
        <source>添加清单条目</source>
        <translation>Add list entry</translation>
    </message>
    <message>
        <source>清单类型</source>
        <translation>List</translation>
    </message>
    <message>
        <source>本轮全部单位适用</source>
        <translation>All units of this round</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>来源单位</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>文件名</source>
        <translation>Document title</translation>
    </message>
    <message>
        <source>职能</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>监督信息</source>
        <translation>Supervision information</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>原文摘录</source>
        <translation>Quoted text</translation>
    </message>
    <message>
        <source>必填：政策文件的原文摘录，问题定性时引用</source>
        <translation>Required: the policy text as quoted when a finding is characterised</translation>
    </message>
    <message>
        <source>内容（可不填）</source>
        <translation>Content (optional)</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <source>导入名单：%1</source>
        <translation>Import list: %1</translation>
    </message>
    <message>
        <source>例如：县民政局</source>
        <translation>e.g. County Civil Affairs Bureau</translation>
    </message>
    <message>
        <source>填写</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>名单类别：</source>
        <translation>Kind of list:</translation>
    </message>
    <message>
        <source>数据来源：</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>数据日期：</source>
        <translation>Data as of:</translation>
    </message>
    <message>
        <source>巡察轮次：</source>
        <translation>Round:</translation>
    </message>
    <message>
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>为每个字段选择文件中对应的列（带 * 的必须对应）。确认后的对应关系按类别和来源记住，下次导入同一来源的名单时自动选好。</source>
        <translation>Choose the file&apos;s column for each field (those marked * are required). The mapping is remembered by kind and source, and chosen for you the next time a list from the same source is imported.</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>示例值</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>只导入无误的行</source>
        <translation>Import the clean rows only</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在读取“%1”…</source>
        <translation>Reading “%1”…</translation>
    </message>
    <message>
        <source>必须对应到文件中的一列</source>
        <translation>Must be mapped to a column of the file</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>第 %1 列</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>; </translation>
    </message>
    <message>
        <source>必填字段尚未对应：%1</source>
        <translation>Required fields not mapped yet: %1</translation>
    </message>
    <message>
        <source>已按上次为此来源确认的对应关系选好，请核对。</source>
        <translation>Mapped as confirmed last time for this source; please check.</translation>
    </message>
    <message>
        <source>已按表头猜测对应关系，请核对。</source>
        <translation>Mapped by guessing from the headers; please check.</translation>
    </message>
    <message>
        <source>正在导入“%1”…</source>
        <translation>Importing “%1”…</translation>
    </message>
    <message>
        <source>已导入 %1 行。</source>
        <translation>%1 rows imported.</translation>
    </message>
    <message>
        <source>%1 行有误，未导入（见下表）。</source>
        <translation> %1 rows with errors were left out (listed below).</translation>
    </message>
    <message>
        <source>已取消导入，未保存任何数据。</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>%1 行无法读取，未导入任何数据。可改正文件后重新导入，或只导入无误的行（有误的行会记录在名单中）。</source>
        <translation>%1 rows cannot be read; nothing was imported. Correct the file and import again, or import the clean rows only (the rows left out are recorded with the list).</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>全部清单</source>
        <translation>All lists</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>来源单位</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>原文摘录 / 内容</source>
        <translation>Quoted text / content</translation>
    </message>
    <message>
        <source>添加条目…</source>
        <translation>Add entry…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>清单：</source>
        <translation>List:</translation>
    </message>
    <message>
        <source>被巡察单位：</source>
        <translation>Inspected unit:</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>本轮通用</source>
        <translation>Whole round</translation>
    </message>
    <message>
        <source>请先选择一个条目</source>
        <translation>Select an entry first</translation>
    </message>
    <message>
        <source>已在%1中添加“%2”。</source>
        <translation>Added “%2” to the %1.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>巡察工作台已锁定</source>
        <translation>Inspection Workbench is locked</translation>
    </message>
    <message>
        <source>输入口令解锁</source>
        <translation>Enter your passphrase to unlock</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>用户：%1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>正在解锁…</source>
        <translation>Unlocking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>巡察工作台</source>
        <translation>Inspection Workbench</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>巡察轮次：</source>
        <translation>Inspection round: </translation>
    </message>
    <message>
        <source> 巡察组：</source>
        <translation> Inspection team: </translation>
    </message>
    <message>
        <source> 被巡察单位：</source>
        <translation> Inspected unit: </translation>
    </message>
    <message>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>信访件</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>数据比对</source>
        <translation>Data check</translation>
    </message>
    <message>
        <source>文书报表</source>
        <translation>Documents and reports</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>轮次配置</source>
        <translation>Round set-up</translation>
    </message>
    <message>
        <source>设备管理</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>冲突处理</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>修改口令…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>账户</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>口令已修改，下次解锁请使用新口令。</source>
        <translation>Passphrase changed: use the new one from the next unlock.</translation>
    </message>
    <message>
        <source>此步骤在本程序中没有对应的操作。</source>
        <translation>This step has no action in this program.</translation>
    </message>
    <message>
        <source>已停止编入检索，其余记录将在下次解锁或导入后继续。</source>
        <translation>Indexing stopped; the remaining records continue after the next unlock or import.</translation>
    </message>
    <message>
        <source>检索索引已更新：%1 条记录</source>
        <translation>Search index updated: %1 records</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>编辑组员</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>添加组员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>回避：在下方勾选本轮中该组员应回避的单位和人员，回避事由写明原因。</source>
        <translation>Recusal: tick the units and people of this round the member must stay away from; the reason says why.</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>组内职务</source>
        <translation>Role in team</translation>
    </message>
    <message>
        <source>力量类型</source>
        <translation>Staffing type</translation>
    </message>
    <message>
        <source>原单位</source>
        <translation>Home organisation</translation>
    </message>
    <message>
        <source>来源层级</source>
        <translation>Home level</translation>
    </message>
    <message>
        <source>来自县（区）时填写</source>
        <translation>When from a county (district)</translation>
    </message>
    <message>
        <source>来源县（区）</source>
        <translation>Home county (district)</translation>
    </message>
    <message>
        <source>回避单位</source>
        <translation>Recused units</translation>
    </message>
    <message>
        <source>回避人员</source>
        <translation>Recused people</translation>
    </message>
    <message>
        <source>如：配偶在该单位任职</source>
        <translation>e.g. spouse works at that unit</translation>
    </message>
    <message>
        <source>回避事由</source>
        <translation>Reason for recusal</translation>
    </message>
    <message>
        <source>请在上方勾选需回避的单位或人员，回避事由只说明原因</source>
        <translation>Tick the units or people to recuse from above; the reason only explains why</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>逐项合并结果预览</source>
        <translation>Preview of the merged record</translation>
    </message>
    <message>
        <source>保存后，%1“%2”将改为下表的内容；其他版本仍保留在版本记录中。</source>
        <translation>Once saved, %1 “%2” will read as below; the other versions stay in the version history.</translation>
    </message>
    <message>
        <source>合并后的内容</source>
        <translation>Merged content</translation>
    </message>
    <message>
        <source>取自</source>
        <translation>Taken from</translation>
    </message>
    <message>
        <source>各版本相同</source>
        <translation>Same in every version</translation>
    </message>
    <message>
        <source>不能保存：%1</source>
        <translation>Cannot be saved: %1</translation>
    </message>
    <message>
        <source>保存合并结果</source>
        <translation>Save the merged record</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OutputRow</name>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>数据包 (*.wbp)</source>
        <translation>Package (*.wbp)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>编辑干部</source>
        <translation>Edit cadre</translation>
    </message>
    <message>
        <source>添加干部</source>
        <translation>Add cadre</translation>
    </message>
    <message>
        <source>所在被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>干部管理权限</source>
        <translation>Management authority</translation>
    </message>
    <message>
        <source>不在被巡察单位本级任职时填写</source>
        <translation>When not working at the inspected unit itself</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>分管工作</source>
        <translation>Responsibilities</translation>
    </message>
    <message>
        <source>18 位，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>请先添加被巡察单位，再添加其干部</source>
        <translation>Add the inspected unit first, then its cadres</translation>
    </message>
</context>
<context>
    <name>PersonsTab</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>干部管理权限</source>
        <translation>Management authority</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>添加干部…</source>
        <translation>Add cadre…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>被巡察单位：</source>
        <translation>Inspected unit:</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>请先在“被巡察单位”中新增单位</source>
        <translation>Add an inspected unit first (Inspected units tab)</translation>
    </message>
    <message>
        <source>请先选择一名干部</source>
        <translation>Select a cadre first</translation>
    </message>
    <message>
        <source>已添加干部“%1”。</source>
        <translation>Cadre “%1” added.</translation>
    </message>
</context>
<context>
    <name>PortraitEditor</name>
    <message>
        <source>（不关联人员）</source>
        <translation>(no person linked)</translation>
    </message>
    <message>
        <source>留空则按被巡察单位或人员自动命名</source>
        <translation>Leave blank to name after the inspected unit or person</translation>
    </message>
    <message>
        <source>（暂不评价）</source>
        <translation>(not assessed yet)</translation>
    </message>
    <message>
        <source>每段一条；留空则报告按评价等次给出一般性建议</source>
        <translation>One recommendation a paragraph; left empty, the report gives general ones from the ratings</translation>
    </message>
    <message>
        <source>画像对象类型</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>画像对象名称</source>
        <translation>Subject name</translation>
    </message>
    <message>
        <source>画像模板</source>
        <translation>Portrait template</translation>
    </message>
    <message>
        <source>方面</source>
        <translation>Aspect</translation>
    </message>
    <message>
        <source>评价条目</source>
        <translation>Assessment item</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>评价说明</source>
        <translation>Assessment notes</translation>
    </message>
    <message>
        <source>逐项评价</source>
        <translation>Item-by-item assessment</translation>
    </message>
    <message>
        <source>%1（第 %2 版）</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>总体评价</source>
        <translation>Overall assessment</translation>
    </message>
    <message>
        <source>综合评价</source>
        <translation>Overall rating</translation>
    </message>
    <message>
        <source>运用建议</source>
        <translation>How to use it</translation>
    </message>
    <message>
        <source>未评价</source>
        <translation>Not rated</translation>
    </message>
    <message>
        <source>依据和说明</source>
        <translation>Basis and notes</translation>
    </message>
    <message>
        <source>已评价 %1 / %2 项；全部评价后才能给出总体评价。</source>
        <translation>%1 of %2 items rated; the overall assessment can be given only after all items are rated.</translation>
    </message>
    <message>
        <source>新建政治画像</source>
        <translation>New political portrait</translation>
    </message>
    <message>
        <source>编辑政治画像 %1</source>
        <translation>Edit political portrait %1</translation>
    </message>
    <message>
        <source>没有可用的政治画像模板。</source>
        <translation>No political portrait template is available.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>签发回执</source>
        <translation>Issue receipt</translation>
    </message>
    <message>
        <source>回执列出本库已导入的该设备全部数据包；设备导入回执后，才能清理已确认的数据。</source>
        <translation>The receipt lists every package from this device that has been imported into this database; the device can wipe confirmed data only after it imports the receipt.</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>请选择设备</source>
        <translation>Please select a device</translation>
    </message>
    <message>
        <source>已签发回执：%1
确认收到该设备数据包 %2 个。请把回执交该设备导入。</source>
        <translation>Receipt issued: %1
Confirms receipt of %2 packages from this device. Please give the receipt to that device to import.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>有未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>已恢复未保存的草稿</source>
        <translation>Unsaved draft restored</translation>
    </message>
    <message>
        <source>草稿已自动保存</source>
        <translation>Draft saved automatically</translation>
    </message>
    <message>
        <source>草稿未能自动保存</source>
        <translation>Draft could not be saved automatically</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>放弃尚未保存的修改？</source>
        <translation>Discard unsaved changes?</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>共 %n 条</source>
        <translation>Total: %n</translation>
    </message>
    <message>
        <source>显示已作废</source>
        <translation>Show voided</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>按当前筛选和排序导出全部行（文件不加密）</source>
        <translation>Export every row with the current filters and sort (the file is not encrypted)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>按当前筛选和排序打印全部行</source>
        <translation>Print every row with the current filters and sort</translation>
    </message>
    <message>
        <source>列表已有变化（同事刚做了修改），按 F5 刷新</source>
        <translation>The list has changed (a colleague just made changes). Press F5 to refresh.</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>正在统计条数…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>没有符合条件的记录。</source>
        <translation>No matching records.</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>点击按此列排序，再点一次倒序</source>
        <translation>Click to sort by this column; click again to reverse</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>忘记口令</source>
        <translation>Forgotten passphrase</translation>
    </message>
    <message>
        <source>用创建数据库时抄下的恢复码为用户设置新口令。恢复码用过即作废，设置后会显示新的恢复码。新口令至少 %1 个字符。</source>
        <translation>Set a new passphrase for a user with the recovery code written down when the store was created. A recovery code works once: a new one is shown afterwards. The new passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <source>本机保存的服务器连接用原口令加密，所以还需再次填写服务器地址、CA 证书文件和数据库账号口令（向系统管理员索取）。找回后，原有的角色须由一位系统管理员重新授予。没有恢复码的，请系统管理员在“用户管理”中停用再启用你的账户，为你设置新口令。</source>
        <translation>The connection kept on this computer is encrypted under the old passphrase, so give the server address, the CA certificate file and the database account password again (ask the system administrator for them). Afterwards a system administrator must grant the account its roles again. Without the recovery code, ask a system administrator to disable and re-enable your account in User management, which gives you a new passphrase.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>再次输入新口令</source>
        <translation>New passphrase again</translation>
    </message>
    <message>
        <source>设置新口令</source>
        <translation>Set new passphrase</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新口令已设置。新的恢复码（只显示这一次）：</source>
        <translation>The new passphrase is set. The new recovery code (shown only this once):</translation>
    </message>
    <message>
        <source>原恢复码已作废。请抄写新的恢复码，与电脑分开保管；本程序不会再次显示。</source>
        <translation>The old recovery code no longer works. Write the new one down and keep it apart from the computer; it is never shown again.</translation>
    </message>
    <message>
        <source>我已抄写新的恢复码并妥善保管</source>
        <translation>I have written the new recovery code down and put it away safely</translation>
    </message>
    <message>
        <source>进入工作台</source>
        <translation>Open the workbench</translation>
    </message>
    <message>
        <source>恢复码第 %1 组有误，请核对</source>
        <translation>Group %1 of the recovery code is wrong, please check it</translation>
    </message>
    <message>
        <source>请填写服务器地址（向系统管理员索取）</source>
        <translation>Enter the server address (ask the system administrator for it)</translation>
    </message>
    <message>
        <source>请输入用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <source>恢复码应为 8 组、每组 6 位数字</source>
        <translation>A recovery code is 8 groups of 6 digits</translation>
    </message>
    <message>
        <source>两次输入的新口令不一致</source>
        <translation>The two new passphrases differ</translation>
    </message>
    <message>
        <source>正在设置新口令…</source>
        <translation>Setting the new passphrase…</translation>
    </message>
</context>
<context>
    <name>RectificationEditor</name>
    <message>
        <source>留空则自动编号</source>
        <translation>Leave blank to number automatically</translation>
    </message>
    <message>
        <source>如：落实全面从严治党主体责任</source>
        <translation>e.g. Fulfil the primary responsibility for strict Party self-governance</translation>
    </message>
    <message>
        <source>设定时限</source>
        <translation>Set a deadline</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>对应问题底稿</source>
        <translation>Related finding</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>问题归类</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>问题表现</source>
        <translation>Problem description</translation>
    </message>
    <message>
        <source>整改目标</source>
        <translation>Rectification goal</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Rectification measures</translation>
    </message>
    <message>
        <source>分管领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>主要负责人</source>
        <translation>Principal responsible person</translation>
    </message>
    <message>
        <source>具体责任人</source>
        <translation>Person directly responsible</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>销号日期：%1</source>
        <translation>Closed out on: %1</translation>
    </message>
    <message>
        <source>评估等次：%1</source>
        <translation>Assessment grade: %1</translation>
    </message>
    <message>
        <source>佐证材料 %1 份</source>
        <translation>%1 supporting documents</translation>
    </message>
    <message>
        <source>佐证材料目录 %1 项</source>
        <translation>%1 evidence list entries</translation>
    </message>
    <message>
        <source>巡察办审核意见（%1，%2）：%3</source>
        <translation>Office review opinion (%1, %2): %3</translation>
    </message>
    <message>
        <source>状态、销号、评估、审核意见和佐证材料目录请用整改台账页上的按钮办理。</source>
        <translation>Use the buttons on the Rectification Ledger page for status, close-out, grade, review opinion and evidence list.</translation>
    </message>
    <message>
        <source>新建整改事项</source>
        <translation>New rectification item</translation>
    </message>
    <message>
        <source>编辑整改事项 %1</source>
        <translation>Edit rectification item %1</translation>
    </message>
</context>
<context>
    <name>RefusedRows</name>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>更换数据密钥</source>
        <translation>Change data key</translation>
    </message>
    <message>
        <source>用新的数据密钥重新加密数据库和全部附件，并为每个用户的密钥槽换上新密钥（用户的口令不变）。此前复制的密钥文件、泄露过的旧密钥和原恢复码都将作废，新的恢复码只显示一次。附件多时需要一些时间；中途断电或被终止，下次解锁时会自动完成。</source>
        <translation>Re-encrypt the database and every attachment under a new data key, and give every user&apos;s keyslot the new key (passphrases stay as they are). Keyfiles copied before, a leaked old key and the current recovery code stop working; the new recovery code is shown only once. With many attachments this takes a while; if it is interrupted by a power cut or a kill, the next unlock finishes it.</translation>
    </message>
    <message>
        <source>数据密钥已更换。新的恢复码（只显示这一次）：</source>
        <translation>The data key was changed. The new recovery code (shown only this once):</translation>
    </message>
    <message>
        <source>我已抄写新的恢复码并妥善保管</source>
        <translation>I have written the new recovery code down and put it away safely</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>移除以下尚未在升级后登录的用户的密钥槽（之后需为其重新启用并设置口令）：%1</source>
        <translation>Remove the keyslots of these users, who have not unlocked since the upgrade (they must then be enabled with a new passphrase): %1</translation>
    </message>
    <message>
        <source>原恢复码和旧密钥文件已作废。请抄写新的恢复码，与电脑分开保管。</source>
        <translation>The old recovery code and old keyfiles no longer work. Write down the new recovery code and keep it apart from the computer.</translation>
    </message>
    <message>
        <source>已移除密钥槽：%1。</source>
        <translation>Keyslots removed: %1.</translation>
    </message>
</context>
<context>
    <name>RelinkDialog</name>
    <message>
        <source>用新口令重新连接</source>
        <translation>Reconnect with the new passphrase</translation>
    </message>
    <message>
        <source>系统管理员为你设置了新口令（例如停用后重新启用你的账户）后，本机保存的服务器连接仍用原口令加密。填写原口令和新口令，连接即改用新口令加密，不必再填写连接信息；此后原口令不再可用。</source>
        <translation>When a system administrator has set a new passphrase for you (for example by disabling and re-enabling your account), the connection kept on this computer is still encrypted under the old one. Enter the old and the new passphrase: the connection is then encrypted under the new one, without typing the connection details again, and the old passphrase no longer works.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>原口令</source>
        <translation>Old passphrase</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>重新连接</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写用户名、原口令和新口令</source>
        <translation>Enter the user name, the old and the new passphrase</translation>
    </message>
    <message>
        <source>正在重新连接巡察办服务器…</source>
        <translation>Reconnecting to the office server…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>文书报表</source>
        <translation>Documents and reports</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>需要</source>
        <translation>Requires</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>不填则不印份号，如 000001</source>
        <translation>Leave blank to omit the copy number, e.g. 000001</translation>
    </message>
    <message>
        <source>本次不用本办模板，用内置版式</source>
        <translation>Use the built-in layout this time instead of the office template</translation>
    </message>
    <message>
        <source>征求意见稿（含未审签底稿，每页标注草稿）</source>
        <translation>Draft for comments (includes unapproved findings; every page marked as a draft)</translation>
    </message>
    <message>
        <source>生成…</source>
        <translation>Generate…</translation>
    </message>
    <message>
        <source>预览…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>先看排版后的页面，再导出</source>
        <translation>See the laid-out pages before exporting</translation>
    </message>
    <message>
        <source>巡察轮次：</source>
        <translation>Inspection round: </translation>
    </message>
    <message>
        <source>被巡察对象：</source>
        <translation>Inspected unit: </translation>
    </message>
    <message>
        <source>格式：</source>
        <translation>Format: </translation>
    </message>
    <message>
        <source>份号：</source>
        <translation>Copy no.: </translation>
    </message>
    <message>
        <source>成文日期：</source>
        <translation>Date issued: </translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>本办模板</source>
        <translation>Office template</translation>
    </message>
    <message>
        <source>生成模板底稿…</source>
        <translation>Create starter template…</translation>
    </message>
    <message>
        <source>含该文书全部占位符的 Word 文件，可在 Word 或 WPS 中修改</source>
        <translation>A Word file containing all placeholders of this document, editable in Word or WPS</translation>
    </message>
    <message>
        <source>替换模板…</source>
        <translation>Replace template…</translation>
    </message>
    <message>
        <source>恢复内置版式</source>
        <translation>Restore built-in layout</translation>
    </message>
    <message>
        <source>整改台账导入</source>
        <translation>Rectification ledger import</translation>
    </message>
    <message>
        <source>被巡察单位在 Excel 或 WPS 中填报的整改台账（由本系统导出），逐行校验后导入；结果列出已更新和未导入的行及原因。</source>
        <translation>Rectification ledgers filled in by the inspected unit in Excel or WPS (exported from this system) are checked row by row and then imported; the result lists the rows updated and the rows not imported, with reasons.</translation>
    </message>
    <message>
        <source>导入整改台账…</source>
        <translation>Import rectification ledger…</translation>
    </message>
    <message>
        <source>内置</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>Word 文档（.docx）</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <source>Excel 表格（.xlsx）</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(please select)</translation>
    </message>
    <message>
        <source>全部对象</source>
        <translation>All inspected units</translation>
    </message>
    <message>
        <source>此文书按一条记录生成：请在“%1”页面选中记录后，用该页的“生成文书”菜单。</source>
        <translation>This document is made from one record: select the record on the “%1” page, then use that page’s “Generate document” menu.</translation>
    </message>
    <message>
        <source>请先在工具栏选择巡察轮次。</source>
        <translation>Please select an inspection round on the toolbar first.</translation>
    </message>
    <message>
        <source>征求意见稿将包含以下 %1 份未审签的底稿：</source>
        <translation>The draft for comments will include these %1 unapproved findings:</translation>
    </message>
    <message>
        <source>以下 %1 份底稿已纳入报告但未经审签，本文书不包含：</source>
        <translation>These %1 findings are marked for the report but not approved, so this document leaves them out:</translation>
    </message>
    <message>
        <source>……另有 %1 份</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>此台账只有 Excel 格式，没有 Word 模板。</source>
        <translation>This ledger is available only in Excel format; there is no Word template.</translation>
    </message>
    <message>
        <source>使用内置的 GB/T 9704 版式。</source>
        <translation>Using the built-in GB/T 9704 layout.</translation>
    </message>
    <message>
        <source>正在使用本办模板：%1</source>
        <translation>Using office template: %1</translation>
    </message>
    <message>
        <source>（未选择，请在工具栏选择）</source>
        <translation>(none selected; choose one on the toolbar)</translation>
    </message>
    <message>
        <source>请选择被巡察对象。</source>
        <translation>Please select an inspected unit.</translation>
    </message>
    <message>
        <source>巡察轮次：%1</source>
        <translation>Inspection round: %1</translation>
    </message>
    <message>
        <source>被巡察对象：%1</source>
        <translation>Inspected unit: %1</translation>
    </message>
    <message>
        <source>%1模板底稿</source>
        <translation>%1 starter template</translation>
    </message>
    <message>
        <source>保存模板底稿</source>
        <translation>Save starter template</translation>
    </message>
    <message>
        <source>已生成模板底稿：%1。在 Word 或 WPS 中修改后，用“替换模板”启用。</source>
        <translation>Starter template created: %1. After editing it in Word or WPS, use “Replace template” to enable it.</translation>
    </message>
    <message>
        <source>选择%1的模板</source>
        <translation>Choose a template for %1</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>模板未启用</source>
        <translation>Template not enabled</translation>
    </message>
    <message>
        <source>模板已通过检查并启用：%1</source>
        <translation>Template passed the check and is enabled: %1</translation>
    </message>
    <message>
        <source>模板未通过检查，未启用；当前版式不变。</source>
        <translation>Template failed the check and was not enabled; the current layout is unchanged.</translation>
    </message>
    <message>
        <source>缺少必需的占位符：</source>
        <translation>Missing required placeholders: </translation>
    </message>
    <message>
        <source>无法识别的占位符：</source>
        <translation>Unrecognized placeholders: </translation>
    </message>
    <message>
        <source>可对照“生成模板底稿”中的占位符修改。</source>
        <translation>Compare with the placeholders in the starter template (“Create starter template”).</translation>
    </message>
    <message>
        <source>停用%1的本办模板，改用内置版式？</source>
        <translation>Stop using the office template for %1 and switch to the built-in layout?</translation>
    </message>
    <message>
        <source>已恢复内置版式。</source>
        <translation>Built-in layout restored.</translation>
    </message>
</context>
<context>
    <name>ResponsibleTable</name>
    <message>
        <source>责任类型</source>
        <translation>Responsibility type</translation>
    </message>
    <message>
        <source>责任单位</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <source>干部级别</source>
        <translation>Cadre rank</translation>
    </message>
    <message>
        <source>添加责任主体</source>
        <translation>Add responsible party</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>（未注明）</source>
        <translation>(not specified)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>恢复不会覆盖正在使用的数据库：备份将恢复到一个新的空文件夹，当前数据库保持不变。恢复完成后可在新窗口中打开恢复出的数据库。只有备份中的系统管理员能恢复，请输入其用户名和口令（即备份时的口令）。</source>
        <translation>Restoring never overwrites the database in use: the backup is restored into a new, empty folder and the current database stays as it is. Afterwards you can open the restored database in a new window. Only a system administrator of the backup can restore it: enter their username and passphrase (as they were when the backup was taken).</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>校验备份</source>
        <translation>Check backup</translation>
    </message>
    <message>
        <source>备份文件</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>备份情况</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>恢复到（空文件夹）</source>
        <translation>Restore to (empty folder)</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>打开恢复的数据库</source>
        <translation>Open the restored database</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份文件 (*.wbk)</source>
        <translation>Backup files (*.wbk)</translation>
    </message>
    <message>
        <source>恢复到</source>
        <translation>Restore to</translation>
    </message>
    <message>
        <source>尚未校验</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>请选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>请输入备份中系统管理员的用户名和口令</source>
        <translation>Enter the username and passphrase of a system administrator of the backup</translation>
    </message>
    <message>
        <source>已校验 %1 / %2</source>
        <translation>Checked %1 / %2</translation>
    </message>
    <message>
        <source>正在校验备份…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>请选择恢复到的空文件夹</source>
        <translation>Choose the empty folder to restore into</translation>
    </message>
    <message>
        <source>已恢复 %1 / %2</source>
        <translation>Restored %1 / %2</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>校验通过。备份于 %1，大小 %2。</source>
        <translation>Check passed. Backed up on %1, size %2.</translation>
    </message>
    <message>
        <source>未知时间</source>
        <translation>an unknown date</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <source>已恢复到 %1。当前数据库未改变。</source>
        <translation>Restored to %1. The current database is unchanged.</translation>
    </message>
    <message>
        <source>无法启动新窗口，请退出后打开该文件夹中的数据库</source>
        <translation>Could not start a new window: quit and open the database in that folder.</translation>
    </message>
    <message>
        <source>已取消，没有留下任何文件。</source>
        <translation>Cancelled; no files were left behind.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>吊销设备</source>
        <translation>Revoke device</translation>
    </message>
    <message>
        <source>吊销后，本巡察办将拒收该设备此后的全部数据包；吊销名单随下一次部署包送达各组。此操作不能撤销，设备只能以新数据库重新登记。</source>
        <translation>After revocation this office refuses every further package from the device; the revocation list reaches the teams with the next briefing package. This cannot be undone: the device can only enrol again with a new store.</translation>
    </message>
    <message>
        <source>如：笔记本遗失、人员调离</source>
        <translation>e.g. laptop lost, staff transferred</translation>
    </message>
    <message>
        <source>确认吊销 %1 的设备（%2）</source>
        <translation>Confirm revoking the device of %1 (%2)</translation>
    </message>
    <message>
        <source>吊销</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>设备指纹</source>
        <translation>Device fingerprint</translation>
    </message>
    <message>
        <source>吊销原因</source>
        <translation>Reason for revocation</translation>
    </message>
</context>
<context>
    <name>RoundHeader</name>
    <message>
        <source>进入下一阶段…</source>
        <translation>Next phase…</translation>
    </message>
    <message>
        <source>报备方案</source>
        <translation>File plan</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>退回…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>在工具栏选择一个巡察轮次，这里显示它的阶段和日期。</source>
        <translation>Choose a round in the toolbar to see its phase and dates here.</translation>
    </message>
    <message>
        <source>%1派出</source>
        <translation>dispatched by %1</translation>
    </message>
    <message>
        <source>%1年第%2轮</source>
        <translation>%1, round %2</translation>
    </message>
    <message>
        <source>日期未定</source>
        <translation>dates not set</translation>
    </message>
    <message>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>专项主题：%1    工作方案：%2</source>
        <translation>Topic: %1    Work plan: %2</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>审核意见：%1</source>
        <translation>Review note: %1</translation>
    </message>
    <message>
        <source>已是最后阶段</source>
        <translation>Already in the last phase</translation>
    </message>
    <message>
        <source>只有巡察办可以推进巡察阶段</source>
        <translation>Only the inspection office moves a round to its next phase</translation>
    </message>
    <message>
        <source>进入“%1”阶段</source>
        <translation>Move to “%1”</translation>
    </message>
    <message>
        <source>只有巡察办可以办理专项巡察工作方案</source>
        <translation>Only the inspection office handles a special inspection&apos;s work plan</translation>
    </message>
    <message>
        <source>进入下一阶段</source>
        <translation>Next phase</translation>
    </message>
    <message>
        <source>把“%1”从“%2”阶段推进到“%3”阶段？推进后不能退回，此操作记入审计日志。</source>
        <translation>Move “%1” from “%2” to “%3”? A round cannot go back; the move is recorded in the audit log.</translation>
    </message>
    <message>
        <source>进入%1阶段</source>
        <translation>Move to %1</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已进入%1阶段</source>
        <translation>Now in phase %1</translation>
    </message>
    <message>
        <source>工作方案已报备，等待审核</source>
        <translation>Work plan filed, awaiting review</translation>
    </message>
    <message>
        <source>工作方案审核通过，可以进入进驻阶段</source>
        <translation>Work plan approved; the round may move to stationing</translation>
    </message>
    <message>
        <source>退回工作方案</source>
        <translation>Return the work plan</translation>
    </message>
    <message>
        <source>退回意见（必填）：</source>
        <translation>Reason for returning (required):</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>工作方案已退回修改</source>
        <translation>Work plan returned for revision</translation>
    </message>
</context>
<context>
    <name>RoundWizard</name>
    <message>
        <source>新建巡察轮次</source>
        <translation>New round</translation>
    </message>
    <message>
        <source>编辑本轮</source>
        <translation>Edit round</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>名称：%1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>届次：%1</source>
        <translation>Term: %1</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>年度与轮次：%1 年第 %2 轮</source>
        <translation>Year and round: %1, round %2</translation>
    </message>
    <message>
        <source>授权文号：%1</source>
        <translation>Authorisation no.: %1</translation>
    </message>
    <message>
        <source>问题分类框架：%1</source>
        <translation>Problem framework: %1</translation>
    </message>
    <message>
        <source>巡察类型：%1</source>
        <translation>Type: %1</translation>
    </message>
    <message>
        <source>派出层级：%1</source>
        <translation>Dispatched by: %1</translation>
    </message>
    <message>
        <source>专项主题：%1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <source>回头看的原轮次：%1</source>
        <translation>Earlier round: %1</translation>
    </message>
    <message>
        <source>阶段日期：</source>
        <translation>Phase dates:</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>保存后请在概览页报备工作方案；审核通过后才能进入进驻阶段。</source>
        <translation>After saving, file the work plan on the Overview page; the round moves to stationing once it is approved.</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <source>运行全部规则</source>
        <translation>Run all rules</translation>
    </message>
    <message>
        <source>运行所选规则</source>
        <translation>Run selected rule</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>定性提示</source>
        <translation>Qualification hint</translation>
    </message>
    <message>
        <source>内置</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>本办添加</source>
        <translation>Office&apos;s own</translation>
    </message>
    <message>
        <source>选择一条规则查看其说明。</source>
        <translation>Select a rule to see what it checks.</translation>
    </message>
    <message>
        <source>比对名单：</source>
        <translation>Lists compared: </translation>
    </message>
    <message>
        <source>定性提示：</source>
        <translation>Qualification hint: </translation>
    </message>
    <message>
        <source>涉及纪律：</source>
        <translation>Disciplines involved: </translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>请先在工具栏选择巡察轮次：比对在一轮的名单之间进行</source>
        <translation>Choose a round in the toolbar first: lists are compared within one round</translation>
    </message>
    <message>
        <source>本轮尚未导入名单</source>
        <translation>No list has been imported for this round</translation>
    </message>
    <message>
        <source>用全部规则比对本轮的名单</source>
        <translation>Check this round&apos;s lists with every rule</translation>
    </message>
    <message>
        <source>只运行所选的规则</source>
        <translation>Run the selected rule only</translation>
    </message>
    <message>
        <source>请先选择一条规则</source>
        <translation>Select a rule first</translation>
    </message>
    <message>
        <source>正在比对…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <source>比对完成：新发现疑点 %1 条，此前已发现 %2 条。</source>
        <translation>Done: %1 new hits, %2 found before.</translation>
    </message>
    <message>
        <source>已取消比对，未保存任何疑点。</source>
        <translation>Run cancelled; no hit was saved.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>全局检索</source>
        <translation>Global search</translation>
    </message>
    <message>
        <source>输入关键词：一个字、两个字、多字词或拼音首字母</source>
        <translation>Enter keywords: one or two characters, a longer word, or pinyin initials</translation>
    </message>
    <message>
        <source>%1 条记录尚未编入检索，检索结果可能不全</source>
        <translation>%1 records are not indexed yet; search results may be incomplete</translation>
    </message>
    <message numerus="yes">
        <source>找到 %n 条</source>
        <translation>
            <numerusform>%n result found</numerusform>
            <numerusform>%n results found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>postgresql://账号@服务器:5432/数据库名</source>
        <translation>postgresql://account@server:5432/database</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>CA 证书文件</source>
        <translation>CA certificate file</translation>
    </message>
    <message>
        <source>数据库账号口令</source>
        <translation>Database account password</translation>
    </message>
    <message>
        <source>选择巡察办的 CA 证书</source>
        <translation>Choose the office&apos;s CA certificate</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>不提醒</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>界面语言在下次启动时生效。</source>
        <translation>The interface language takes effect at the next start.</translation>
    </message>
    <message>
        <source>空闲自动锁定</source>
        <translation>Auto-lock when idle</translation>
    </message>
    <message>
        <source>无键盘、鼠标操作达到此时长后自动锁定，不能关闭。</source>
        <translation>Locks automatically after this long without keyboard or mouse activity; cannot be turned off.</translation>
    </message>
    <message>
        <source>备份提醒间隔（天）</source>
        <translation>Backup reminder (days)</translation>
    </message>
    <message>
        <source>距上次备份超过此天数时，在主窗口提醒系统管理员；0 为不提醒。</source>
        <translation>When the last backup is older than this, the main window reminds the system administrator; 0 turns the reminder off.</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>出错时的详细信息记在这里，不含口令和案件内容。</source>
        <translation>Error details are recorded here, without passwords or case content.</translation>
    </message>
    <message>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <source>不设默认</source>
        <translation>No default</translation>
    </message>
    <message>
        <source>线索默认反馈期限</source>
        <translation>Default clue feedback deadline</translation>
    </message>
    <message>
        <source>移交线索时按移交日期加此月数填写反馈期限；不设默认时须逐条填写。</source>
        <translation>A transferred clue’s feedback deadline is its transfer date plus these months; with no default each transfer must name one.</translation>
    </message>
    <message>
        <source>（未设定，用默认）</source>
        <translation>(not set: the default is used)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupImportDialog</name>
    <message>
        <source>从 Excel 导入配置</source>
        <translation>Import set-up from Excel</translation>
    </message>
    <message>
        <source>保存空白模板…</source>
        <translation>Save blank template…</translation>
    </message>
    <message>
        <source>请选择填好的模板（.xlsx）</source>
        <translation>Choose the filled-in template (.xlsx)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>导入内容：</source>
        <translation>Import:</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>先保存空白模板，在 Excel 中填写后选择该文件并检查。有误的行会逐行列出（行号、列、原因）；文件全部无误才能导入，也可以明确选择只导入无误的行。</source>
        <translation>Save the blank template, fill it in with Excel, then choose the file and check it. Every row with an error is listed (row, column, reason); the file can be imported once it has no errors, or you can choose to import only the rows without errors.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>只导入无误的行</source>
        <translation>Import only the rows without errors</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择填好的模板</source>
        <translation>Choose the filled-in template</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>保存空白模板</source>
        <translation>Save blank template</translation>
    </message>
    <message>
        <source>已保存空白模板：%1</source>
        <translation>Blank template saved: %1</translation>
    </message>
    <message>
        <source>正在检查“%1”…</source>
        <translation>Checking “%1”…</translation>
    </message>
    <message>
        <source>正在导入“%1”…</source>
        <translation>Importing “%1”…</translation>
    </message>
    <message>
        <source>已导入 %1 行。</source>
        <translation>%1 rows imported.</translation>
    </message>
    <message>
        <source>%1 行有误，未导入。</source>
        <translation>%1 rows with errors were not imported.</translation>
    </message>
    <message>
        <source>文件中没有数据行。</source>
        <translation>The file has no data rows.</translation>
    </message>
    <message>
        <source>%1 行无误，%2 行有误，尚未导入任何数据。请按原因改正后重新检查。</source>
        <translation>%1 rows are fine, %2 rows have errors; nothing has been imported. Correct them as the reasons say and check again.</translation>
    </message>
    <message>
        <source>全部 %1 行无误，可以导入。</source>
        <translation>All %1 rows are fine and can be imported.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>只有“巡察办”角色可以配置巡察轮次（当前用户：%1）</source>
        <translation>Only the Inspection office role can set up a round (current user: %1)</translation>
    </message>
    <message>
        <source>轮次配置</source>
        <translation>Round set-up</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>干部/人员</source>
        <translation>Cadres / people</translation>
    </message>
    <message>
        <source>“3+1”清单</source>
        <translation>&quot;3+1&quot; lists</translation>
    </message>
    <message>
        <source>监督清单</source>
        <translation>Focus lists</translation>
    </message>
    <message>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>请先在上方的“巡察轮次”中选择要配置的一轮巡察。</source>
        <translation>Choose the round to set up in “Inspection round” above first.</translation>
    </message>
    <message>
        <source>轮次配置 · %1</source>
        <translation>Round set-up · %1</translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message>
        <source>导入名单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <source>删除名单…</source>
        <translation>Delete list…</translation>
    </message>
    <message>
        <source>名单类别</source>
        <translation>Kind of list</translation>
    </message>
    <message>
        <source>数据来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>数据日期</source>
        <translation>Data as of</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>未导入行</source>
        <translation>Rows left out</translation>
    </message>
    <message>
        <source>导入人</source>
        <translation>Imported by</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported at</translation>
    </message>
    <message>
        <source>巡察办（%1）于 %2 随部署包下发，%3 存入本机</source>
        <translation>Sent by the inspection office (%1) with a briefing on %2; stored here on %3</translation>
    </message>
    <message>
        <source>从 Excel 或 CSV 文件导入一份名单</source>
        <translation>Import a list from an Excel or CSV file</translation>
    </message>
    <message>
        <source>本轮尚未导入名单。点击“导入名单…”选择 Excel 或 CSV 文件。</source>
        <translation>No list imported for this round yet. Click “Import list…” and choose an Excel or CSV file.</translation>
    </message>
    <message>
        <source>巡察办下发（%1）</source>
        <translation>Sent by the office (%1)</translation>
    </message>
    <message>
        <source>删除所选名单及其全部数据行</source>
        <translation>Delete the selected list and all its rows</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>名单内容（前 %1 行，共 %2 行）</source>
        <translation>List content (first %1 of %2 rows)</translation>
    </message>
    <message>
        <source>删除名单“%1”（%2，%3 行）？其数据行一并删除；已发现的疑点保留，各自带有比对行的副本。</source>
        <translation>Delete the list “%1” (%2, %3 rows)? Its rows are deleted with it; the hits already found stay, each with a copy of its matched rows.</translation>
    </message>
    <message>
        <source>删除名单</source>
        <translation>Delete list</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>编辑被巡察单位</source>
        <translation>Edit inspected unit</translation>
    </message>
    <message>
        <source>新增被巡察单位</source>
        <translation>New inspected unit</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>子类型</source>
        <translation>Sub-type</translation>
    </message>
    <message>
        <source>关注等级</source>
        <translation>Attention level</translation>
    </message>
    <message>
        <source>所属县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <source>一把手</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>（暂不分配）</source>
        <translation>(not assigned yet)</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Inspection team</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>（不细分）</source>
        <translation>(not specified)</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>子类型</source>
        <translation>Sub-type</translation>
    </message>
    <message>
        <source>关注等级</source>
        <translation>Attention level</translation>
    </message>
    <message>
        <source>所属县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <source>一把手</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Inspection team</translation>
    </message>
    <message>
        <source>新增被巡察单位…</source>
        <translation>New inspected unit…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>请先选择一个被巡察单位</source>
        <translation>Select an inspected unit first</translation>
    </message>
    <message>
        <source>已新增“%1”，按其类型生成监督重点清单 %2 条。</source>
        <translation>“%1” added; %2 supervision focus items generated for its type.</translation>
    </message>
    <message>
        <source>已新增“%1”，未生成监督重点清单：%2</source>
        <translation>“%1” added; no supervision focus list generated: %2</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>编辑巡察组</source>
        <translation>Edit inspection team</translation>
    </message>
    <message>
        <source>新建巡察组</source>
        <translation>New inspection team</translation>
    </message>
    <message>
        <source>如：第一巡察组</source>
        <translation>e.g. First Inspection Team</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>选择本库用户，或直接填写姓名</source>
        <translation>Choose a user of this store, or type a name</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>县级巡察组所属的县（区）</source>
        <translation>The county (district) of a county-level team</translation>
    </message>
    <message>
        <source>所属县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>第%1组 %2</source>
        <translation>Team %1 %2</translation>
    </message>
    <message>
        <source>牵头组（1托N）</source>
        <translation>Lead team (one leads N)</translation>
    </message>
    <message>
        <source>值班电话</source>
        <translation>Duty phone</translation>
    </message>
    <message>
        <source>邮政信箱</source>
        <translation>PO box</translation>
    </message>
    <message>
        <source>如：云川县邮政局第18号信箱</source>
        <translation>e.g. 云川县邮政局第18号信箱</translation>
    </message>
    <message>
        <source>邮编</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>6 位数字</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <source>电子邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>来访地址</source>
        <translation>Visiting address</translation>
    </message>
    <message>
        <source>受理时间</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>如：每天 8:00—18:00</source>
        <translation>e.g. 每天 8:00—18:00</translation>
    </message>
    <message>
        <source>二维码内容</source>
        <translation>QR code content</translation>
    </message>
    <message>
        <source>举报平台网址，或电话、邮箱文字</source>
        <translation>The reporting platform&apos;s URL, or a phone or email text</translation>
    </message>
    <message>
        <source>信访渠道·%1</source>
        <translation>Channel · %1</translation>
    </message>
    <message>
        <source>信访渠道只读：%1</source>
        <translation>Reporting channels are read-only: %1</translation>
    </message>
</context>
<context>
    <name>TeamTargetsDialog</name>
    <message>
        <source>分配被巡察单位 · %1</source>
        <translation>Assign inspected units · %1</translation>
    </message>
    <message>
        <source>勾选“%1”负责巡察的单位。勾选已属其他组的单位，会把它移到本组。</source>
        <translation>Tick the units “%1” inspects. Ticking a unit another team holds moves it to this team.</translation>
    </message>
    <message>
        <source>（现属%1）</source>
        <translation> (now with %1)</translation>
    </message>
    <message>
        <source>负责单位</source>
        <translation>Units</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <source>组号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>所属县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <source>牵头组</source>
        <translation>Lead team</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>成员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>负责单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>新建巡察组…</source>
        <translation>New team…</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>分配被巡察单位…</source>
        <translation>Assign units…</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Inspection team</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>组内职务</source>
        <translation>Role in team</translation>
    </message>
    <message>
        <source>力量类型</source>
        <translation>Staffing type</translation>
    </message>
    <message>
        <source>原单位</source>
        <translation>Home organisation</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>回避</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <source>添加组员…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>组员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>第%1组</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>组员 · %1</source>
        <translation>Members · %1</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>请先在上表选择一个巡察组</source>
        <translation>Select a team in the table above first</translation>
    </message>
    <message>
        <source>请先选择一名组员</source>
        <translation>Select a member first</translation>
    </message>
    <message>
        <source>已新建巡察组“%1”（第%2组，%3）</source>
        <translation>Inspection team “%1” created (team %2, %3)</translation>
    </message>
</context>
<context>
    <name>TurnsEditor</name>
    <message>
        <source>回车：转到答；Ctrl+回车：下一问；Ctrl+退格：删除空白的一问一答</source>
        <translation>Enter: go to answer; Ctrl+Enter: next question; Ctrl+Backspace: delete an empty question and answer</translation>
    </message>
    <message>
        <source>添加一问一答</source>
        <translation>Add question and answer</translation>
    </message>
    <message>
        <source>问</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>问：</source>
        <translation>Q: </translation>
    </message>
    <message>
        <source>答：</source>
        <translation>A: </translation>
    </message>
    <message numerus="yes">
        <source>第 %n 问</source>
        <translation>
            <numerusform>Question %n</numerusform>
            <numerusform>Question %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>解锁巡察工作台</source>
        <translation>Unlock Inspection Workbench</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>忘记口令…</source>
        <translation>Forgot passphrase…</translation>
    </message>
    <message>
        <source>连接巡察办服务器…</source>
        <translation>Connect to office server…</translation>
    </message>
    <message>
        <source>同事第一次在本机使用、口令在其他电脑上改过、数据库账号口令或 CA 证书更换后，重新填写连接信息</source>
        <translation>Enter the connection again: for a colleague using this computer for the first time, after a passphrase change on another computer, or when the database login&apos;s password or the CA certificate has changed</translation>
    </message>
    <message>
        <source>用新口令重新连接…</source>
        <translation>Reconnect with new passphrase…</translation>
    </message>
    <message>
        <source>数据库：巡察办服务器（连接信息保存在 %1）</source>
        <translation>Database: the office server (connection kept in %1)</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>口令错误次数过多，请 %1 秒后再试</source>
        <translation>Too many incorrect passphrase attempts. Try again in %1 seconds.</translation>
    </message>
    <message>
        <source>正在解锁…</source>
        <translation>Unlocking…</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>每个用户用自己的口令解锁本数据库。停用的用户不能再解锁；重新启用时需为其设置新的口令。</source>
        <translation>Each user unlocks this database with their own passphrase. A disabled user can no longer unlock; enabling them again needs a new passphrase.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>对应组员</source>
        <translation>Acts as member</translation>
    </message>
    <message>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>修改角色…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <source>启用…</source>
        <translation>Enable…</translation>
    </message>
    <message>
        <source>关联组员…</source>
        <translation>Link to member…</translation>
    </message>
    <message>
        <source>三员不办理巡察业务：只担任三员角色的用户不能关联组员</source>
        <translation>The three administrators do no inspection work: a user holding only administrator roles cannot be linked to a member</translation>
    </message>
    <message>
        <source>组长、副组长须关联到部署包中本组的组员，才能复核、审签本组底稿</source>
        <translation>Team leaders and deputies must be linked to their member in the briefing before they can review and approve their team&apos;s findings</translation>
    </message>
    <message>
        <source>取消关联</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>停用</source>
        <comment>state</comment>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>启用</source>
        <comment>state</comment>
        <translation>Active</translation>
    </message>
    <message>
        <source>已添加用户 %1，请把初始口令当面告知本人。</source>
        <translation>User %1 added. Tell them the initial passphrase face to face.</translation>
    </message>
    <message>
        <source>停用 %1 后，其口令不再能解锁本数据库，已录入的记录保留。</source>
        <translation>Once %1 is disabled, their passphrase no longer unlocks this database; the records they entered are kept.</translation>
    </message>
    <message>
        <source>确定停用？</source>
        <translation>Disable?</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>已停用 %1，其口令不再能解锁数据库。</source>
        <translation>%1 is disabled; their passphrase no longer unlocks the store.</translation>
    </message>
    <message>
        <source>更换数据密钥</source>
        <translation>Change data key</translation>
    </message>
    <message>
        <source>已停用 %1。其此前复制的密钥文件仍能打开本数据库，直到更换数据密钥。是否立即更换数据密钥？</source>
        <translation>%1 was disabled. A keyfile they copied earlier still opens this database until the data key is changed. Change the data key now?</translation>
    </message>
    <message>
        <source>取消 %1 与组员 %2 的关联？取消后其不能再以该组员身份复核、审签。</source>
        <translation>Remove the link between %1 and member %2? They can then no longer review or approve as that member.</translation>
    </message>
    <message>
        <source>取消与哪一名组员的关联：</source>
        <translation>Remove the link to which member:</translation>
    </message>
</context>
<context>
    <name>WipeDialog</name>
    <message>
        <source>清理本轮数据</source>
        <translation>Wipe round data</translation>
    </message>
    <message>
        <source>轮次：%1</source>
        <translation>Round: %1</translation>
    </message>
    <message>
        <source>正在核对回执…</source>
        <translation>Checking receipts…</translation>
    </message>
    <message>
        <source>清理后，本机上本轮的全部记录和只属于本轮的附件将被删除且不可恢复。请输入轮次名称以确认：</source>
        <translation>Wiping deletes all of this round&apos;s records on this computer, and the attachments used only by this round, permanently. Enter the round name to confirm: </translation>
    </message>
    <message>
        <source>清理</source>
        <translation>Wipe</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>本轮记录 %1 条（未经回执确认 %2 条），附件 %3 个（未经回执确认 %4 个）。</source>
        <translation>Round records: %1 (%2 not confirmed by receipt); attachments: %3 (%4 not confirmed by receipt).</translation>
    </message>
    <message>
        <source>本机没有该轮次的数据，无需清理。</source>
        <translation>This computer has no data for this round; nothing to wipe.</translation>
    </message>
    <message>
        <source>巡察办已通过回执确认收到本轮全部数据，可以清理。</source>
        <translation>The inspection office has confirmed by receipt that it received all of this round&apos;s data; it can be wiped.</translation>
    </message>
    <message>
        <source>不能清理：还有数据未经巡察办回执确认。请先导出数据包、交巡察办导入，再导入巡察办签发的回执。</source>
        <translation>Cannot wipe: some data has not been confirmed by an inspection office receipt. Export a package, have the inspection office import it, then import the receipt the office issues.</translation>
    </message>
    <message>
        <source>正在清理并压缩数据库…</source>
        <translation>Wiping and compacting the database…</translation>
    </message>
    <message>
        <source>已清理本轮记录 %1 条、附件 %2 个，并已压缩数据库。</source>
        <translation>Wiped %1 records and %2 attachments of this round, and compacted the database.</translation>
    </message>
</context>
<context>
    <name>_BasicsPage</name>
    <message>
        <source>基本信息</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>届次、年度和轮次决定轮次的建议名称；名称在各轮之间不能重复。</source>
        <translation>Term, year and number suggest the round&apos;s name; no two rounds share a name.</translation>
    </message>
    <message>
        <source>如：十五届市委</source>
        <translation>e.g. 15th municipal committee</translation>
    </message>
    <message>
        <source>如：市巡办〔2026〕3号</source>
        <translation>e.g. 市巡办〔2026〕3号</translation>
    </message>
    <message>
        <source>发现的问题按此框架分类；轮次建立后不能更换。</source>
        <translation>Findings are classified by this framework; it cannot be changed once the round exists.</translation>
    </message>
    <message>
        <source>届次</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>授权文号</source>
        <translation>Authorisation no.</translation>
    </message>
    <message>
        <source>问题分类框架</source>
        <translation>Problem framework</translation>
    </message>
    <message>
        <source>%1（%2 版）</source>
        <translation>%1 (version %2)</translation>
    </message>
</context>
<context>
    <name>_ChoicePage</name>
    <message>
        <source>欢迎使用巡察工作台</source>
        <translation>Welcome to the Inspection Workbench</translation>
    </message>
    <message>
        <source>选择本机使用的数据库。</source>
        <translation>Choose the store this computer works with.</translation>
    </message>
    <message>
        <source>新建数据库</source>
        <translation>Create a new store</translation>
    </message>
    <message>
        <source>打开已有数据库</source>
        <translation>Open an existing store</translation>
    </message>
    <message>
        <source>连接巡察办服务器</source>
        <translation>Connect to the office server</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>数据库文件夹：</source>
        <translation>Store folder:</translation>
    </message>
    <message>
        <source>本机的数据库加密保存在所选文件夹中，与巡察组之间只通过加密数据包交换；连接巡察办服务器时，数据保存在巡察办的服务器上，经校验过证书的加密连接传输。</source>
        <translation>A store on this computer is kept encrypted in the chosen folder and exchanged with teams only in sealed packages; connected to the office server, the data is kept on the office&apos;s server and travels over an encrypted connection whose certificate is checked.</translation>
    </message>
    <message>
        <source>选择数据库文件夹</source>
        <translation>Choose the store folder</translation>
    </message>
</context>
<context>
    <name>_ChoosePage</name>
    <message>
        <source>选择数据包</source>
        <translation>Choose package</translation>
    </message>
    <message>
        <source>巡察办导入巡察组数据包；巡察组导入巡察办的部署包和回执。</source>
        <translation>The office imports the teams&apos; packages; a team imports the office&apos;s briefing packages and receipts.</translation>
    </message>
    <message>
        <source>选择巡察办发来的部署包或回执。</source>
        <translation>Choose a briefing package or receipt from the office.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>下一步只校验数据包（解密、验签、核对内容），不写入任何数据。</source>
        <translation>The next step only verifies the package (decrypts it, checks signatures and contents); no data is written.</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>数据包 (*.wbp);;所有文件 (*)</source>
        <translation>Packages (*.wbp);;All files (*)</translation>
    </message>
</context>
<context>
    <name>_ConfirmPage</name>
    <message>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>点“完成”保存本轮。</source>
        <translation>Click Finish to save the round.</translation>
    </message>
    <message>
        <source>点“完成”保存修改。</source>
        <translation>Click Finish to save the changes.</translation>
    </message>
</context>
<context>
    <name>_ConnectPage</name>
    <message>
        <source>连接巡察办服务器</source>
        <translation>Connect to the office server</translation>
    </message>
    <message>
        <source>服务器地址和 CA 证书由系统管理员提供。</source>
        <translation>The system administrator gives you the server&apos;s address and CA certificate.</translation>
    </message>
    <message>
        <source>连接信息用你的口令加密保存在本机，不以明文存放。</source>
        <translation>The connection is kept on this computer encrypted under your passphrase, never in plain text.</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>正在连接巡察办服务器…</source>
        <translation>Connecting to the office server…</translation>
    </message>
    <message>
        <source>请填写：%1</source>
        <translation>Fill in: %1</translation>
    </message>
</context>
<context>
    <name>_CreatePage</name>
    <message>
        <source>新建数据库</source>
        <translation>Create a new store</translation>
    </message>
    <message>
        <source>第一个用户同时担任系统管理员。口令至少 8 个字符。</source>
        <translation>The first user is also the system administrator. Passphrases have at least 8 characters.</translation>
    </message>
    <message>
        <source>巡察组（现场笔记本）</source>
        <translation>Inspection team (field laptop)</translation>
    </message>
    <message>
        <source>巡察办</source>
        <translation>Inspection office</translation>
    </message>
    <message>
        <source>使用单位</source>
        <translation>Used by</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>再次输入口令</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>正在创建数据库…</source>
        <translation>Creating the database…</translation>
    </message>
</context>
<context>
    <name>_DatesPage</name>
    <message>
        <source>阶段日期</source>
        <translation>Phase dates</translation>
    </message>
    <message>
        <source>各阶段的计划起止日期，可暂不填写、以后再改；轮次的起止日期取自各阶段。推进阶段在概览页进行。</source>
        <translation>Planned dates of each phase; they may be left for later. The round&apos;s own dates come from its phases. Phases are moved on the Overview page.</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>结束日期早于开始日期</source>
        <translation>End is before start</translation>
    </message>
</context>
<context>
    <name>_OfficeDialog</name>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
</context>
<context>
    <name>_OpenPage</name>
    <message>
        <source>打开已有数据库</source>
        <translation>Open an existing store</translation>
    </message>
    <message>
        <source>将在下一步用用户名和口令解锁。</source>
        <translation>Next, unlock it with a username and passphrase.</translation>
    </message>
    <message>
        <source>所选文件夹中没有数据库，请返回重新选择。</source>
        <translation>There is no store in this folder. Go back and choose another.</translation>
    </message>
</context>
<context>
    <name>_RecoveryPage</name>
    <message>
        <source>恢复码（只显示这一次）</source>
        <translation>Recovery code (shown only this once)</translation>
    </message>
    <message>
        <source>忘记口令时，凭恢复码重设口令。请抄写在纸上，与电脑分开保管；本程序不会再次显示。</source>
        <translation>If a passphrase is forgotten, the recovery code sets a new one. Write it on paper and keep it apart from the computer; it will not be shown again.</translation>
    </message>
    <message>
        <source>我已抄写恢复码并妥善保管</source>
        <translation>I have written the recovery code down and stored it safely</translation>
    </message>
</context>
<context>
    <name>_ResultPage</name>
    <message>
        <source>未导出</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <source>没有需要导出的内容</source>
        <translation>Nothing to export</translation>
    </message>
    <message>
        <source>如上次的数据包遗失，请再次导出，并勾选“重新导出全部未经回执确认的内容”。</source>
        <translation>If the last package was lost, export again with “Re-send everything not yet confirmed by receipt” ticked.</translation>
    </message>
    <message>
        <source>已取消：没有生成数据包，本机数据未改变。</source>
        <translation>Cancelled: no package was created; data on this computer is unchanged.</translation>
    </message>
    <message>
        <source>没有生成数据包，本机数据未改变。</source>
        <translation>No package was created; data on this computer is unchanged.</translation>
    </message>
    <message>
        <source>已导出数据包</source>
        <translation>Package exported</translation>
    </message>
    <message>
        <source>文件：%1（%2）</source>
        <translation>File: %1 (%2)</translation>
    </message>
    <message>
        <source>数据包编号：%1</source>
        <translation>Package No.: %1</translation>
    </message>
    <message>
        <source>本设备第 %1 号数据包</source>
        <translation>Package No. %1 from this device</translation>
    </message>
    <message>
        <source>记录：%1</source>
        <translation>Records: %1</translation>
    </message>
    <message>
        <source>附件：%1 个</source>
        <translation>Attachments: %1</translation>
    </message>
    <message>
        <source>请将此文件交巡察办导入，并取回巡察办签发的回执（回执确认后本轮才能清理）。下次导出只带此后新增或修改的内容；此文件如遗失，导出时勾选“重新导出全部未经回执确认的内容”。</source>
        <translation>Hand this file to the inspection office for import and bring back the receipt it issues (the round can be wiped only once a receipt confirms it). The next export carries only what is added or changed from now on; if this file is lost, tick “Re-send everything not yet confirmed by receipt” when exporting.</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>已取消导入</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>没有导入任何数据，本库数据未改变。</source>
        <translation>No data was imported; this database is unchanged.</translation>
    </message>
    <message>
        <source>拒收：此数据包未能导入</source>
        <translation>Rejected: this package could not be imported</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>未导入任何数据，本库数据未改变。</source>
        <translation>No data was imported; this database is unchanged.</translation>
    </message>
    <message>
        <source>此数据包已导入过</source>
        <translation>This package has already been imported</translation>
    </message>
    <message>
        <source>无需再次导入，本库数据未改变。</source>
        <translation>No need to import it again; this database is unchanged.</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>发送方：%1（设备 %2）</source>
        <translation>Sender: %1 (device %2)</translation>
    </message>
    <message>
        <source>类型：%1，第 %2 号</source>
        <translation>Type: %1, No. %2</translation>
    </message>
    <message>
        <source>内容：%1</source>
        <translation>Contents: %1</translation>
    </message>
    <message>
        <source>处理结果：%1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <source>新附件：%1 个</source>
        <translation>New attachments: %1</translation>
    </message>
    <message>
        <source>有记录被两台设备同时修改，请到“冲突处理”中选定版本。</source>
        <translation>Some records were changed on two devices at the same time; choose a version under “Conflicts”.</translation>
    </message>
    <message>
        <source>经回执确认的数据，在本轮结束后可以清理。</source>
        <translation>Data confirmed by receipt can be wiped after this round ends.</translation>
    </message>
    <message>
        <source>警告：%1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>每个部署包只加密给所列的一台设备，只有该设备能解密导入：</source>
        <translation>Each briefing package is encrypted to the one device listed; only that device can decrypt and import it:</translation>
    </message>
    <message>
        <source>内容：%1；分类数据 %2 个；吊销名单 %3 条。</source>
        <translation>Contents: %1; taxonomy documents %2; revocations %3.</translation>
    </message>
    <message>
        <source>请用移动介质把各文件交给对应设备的使用人，在该设备“数据交换”页“导入部署包”。</source>
        <translation>Hand each file on removable media to its device&apos;s holder, who imports it with Import briefing package on that device&apos;s Data exchange page.</translation>
    </message>
    <message>
        <source>随包下发名单（含个人信息）：%1</source>
        <translation>Lists sent with the briefing (personal data): %1</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>以下设备没有生成部署包（未留下不完整的文件）：%1</source>
        <translation>No briefing package was made for these devices (no partial file was left): %1</translation>
    </message>
    <message>
        <source>未生成部署包</source>
        <translation>No briefing package made</translation>
    </message>
    <message>
        <source>部分设备已生成部署包</source>
        <translation>Briefing packages made for some devices</translation>
    </message>
    <message>
        <source>已生成部署包</source>
        <translation>Briefing packages made</translation>
    </message>
</context>
<context>
    <name>_SetupPage</name>
    <message>
        <source>导出数据包</source>
        <translation>Export package</translation>
    </message>
    <message>
        <source>保存数据包</source>
        <translation>Save package</translation>
    </message>
    <message>
        <source>生成部署包</source>
        <translation>Make briefing packages</translation>
    </message>
    <message>
        <source>把轮次、巡察组、被巡察单位、清单和吊销名单发给巡察组设备。每台设备一个文件，只有该设备能解密。</source>
        <translation>Send the round, its teams, inspected units, lists and the revocation list to team devices. One file per device, which only that device can decrypt.</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>巡察轮次</source>
        <translation>Inspection round</translation>
    </message>
    <message>
        <source>接收设备</source>
        <translation>Recipient devices</translation>
    </message>
    <message>
        <source>随包下发名单</source>
        <translation>Lists to send</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>将写入</source>
        <translation>Will write</translation>
    </message>
    <message>
        <source>开始生成</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>名单含个人信息，只有巡察办授权查看名单的角色可以随部署包下发。</source>
        <translation>Lists hold personal data: only the roles the inspection office allows to see lists may send them with a briefing.</translation>
    </message>
    <message>
        <source>本轮没有导入的名单。</source>
        <translation>No lists have been imported for this round.</translation>
    </message>
    <message>
        <source>名单含身份证号等个人信息，默认不下发。只勾选巡察组现场核实确需的名单：它们随部署包加密下发，在接收设备上同样只有授权的角色可以查看。</source>
        <translation>Lists hold personal data such as ID numbers and are not sent by default. Tick only those the team needs to verify on site: they travel encrypted in the briefing, and on the receiving device too only the allowed roles can see them.</translation>
    </message>
    <message>
        <source>设备指纹：%1</source>
        <translation>Device fingerprint: %1</translation>
    </message>
    <message>
        <source>部署包</source>
        <translation>briefing</translation>
    </message>
    <message>
        <source>请选择巡察轮次</source>
        <translation>Select an inspection round</translation>
    </message>
    <message>
        <source>请至少选择一台接收设备</source>
        <translation>Select at least one recipient device</translation>
    </message>
    <message>
        <source>文件夹不存在：%1</source>
        <translation>Folder does not exist: %1</translation>
    </message>
    <message>
        <source>文件已存在，不会覆盖：%1</source>
        <translation>File already exists and will not be overwritten: %1</translation>
    </message>
    <message>
        <source>把本轮自上次导出以来新增或修改的记录和附件加密打包。数据包只有巡察办能解密，可用移动介质交送。</source>
        <translation>Encrypts the round&apos;s records and attachments added or changed since the last export into a package. Only the inspection office can decrypt it; it may be carried on removable media.</translation>
    </message>
    <message>
        <source>重新导出全部未经回执确认的内容（上次的数据包遗失时使用）</source>
        <translation>Re-send everything not yet confirmed by receipt (when the last package was lost)</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>开始导出</source>
        <translation>Start export</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Package</translation>
    </message>
</context>
<context>
    <name>_TypePage</name>
    <message>
        <source>巡察类型</source>
        <translation>Inspection type</translation>
    </message>
    <message>
        <source>类型决定组队和对象的规则，保存后由系统据此检查。</source>
        <translation>The type sets the rules for teams and targets, which are checked once saved.</translation>
    </message>
    <message>
        <source>如：乡村振兴领域</source>
        <translation>e.g. rural revitalisation</translation>
    </message>
    <message>
        <source>专项主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>回头看的原轮次</source>
        <translation>Earlier round</translation>
    </message>
    <message>
        <source>派出层级</source>
        <translation>Dispatched by</translation>
    </message>
    <message>
        <source>提级巡察由市级派出。</source>
        <translation>An elevated inspection is dispatched by the city.</translation>
    </message>
    <message>
        <source>本轮由哪一级派出：市级，或县级。</source>
        <translation>Who dispatches this round: the city or the county.</translation>
    </message>
    <message>
        <source>请选择巡察类型</source>
        <translation>Choose the inspection type</translation>
    </message>
    <message>
        <source>专项巡察请填写专项主题</source>
        <translation>A special inspection needs its topic</translation>
    </message>
    <message>
        <source>还没有可以“回头看”的轮次，请先建立原轮次</source>
        <translation>There is no earlier round to follow up; create it first</translation>
    </message>
    <message>
        <source>请选择回头看的原轮次</source>
        <translation>Choose the earlier round</translation>
    </message>
</context>
<context>
    <name>_VerdictPage</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>校验结论</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <source>拒收：此数据包未通过校验</source>
        <translation>Rejected: this package failed verification</translation>
    </message>
    <message>
        <source>已取消校验</source>
        <translation>Verification cancelled</translation>
    </message>
    <message>
        <source>没有导入任何数据。</source>
        <translation>No data was imported.</translation>
    </message>
    <message>
        <source>未导入任何数据，本库数据未改变。</source>
        <translation>No data was imported; this database is unchanged.</translation>
    </message>
    <message>
        <source>此数据包已导入过</source>
        <translation>This package has already been imported</translation>
    </message>
    <message>
        <source>数据包编号：%1
无需再次导入，本库数据未改变。</source>
        <translation>Package No.: %1
No need to import it again; this database is unchanged.</translation>
    </message>
    <message>
        <source>校验通过，可以导入</source>
        <translation>Verified; ready to import</translation>
    </message>
    <message>
        <source>警告：%1</source>
        <translation>Warning: %1</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>操作失败</source>
        <translation>The operation failed.</translation>
    </message>
    <message>
        <source>参数有误</source>
        <translation>Invalid parameters.</translation>
    </message>
    <message>
        <source>用户名或口令不正确</source>
        <translation>The username or passphrase is incorrect.</translation>
    </message>
    <message>
        <source>口令错误次数过多，请稍后再试</source>
        <translation>Too many incorrect passphrase attempts. Please try again later.</translation>
    </message>
    <message>
        <source>恢复码不正确</source>
        <translation>The recovery code is incorrect.</translation>
    </message>
    <message>
        <source>这份密钥文件中的数据密钥打不开数据库的任何一页：数据密钥已更换（这是更换前复制的旧密钥文件），或数据库文件不属于这份密钥文件</source>
        <translation>The data key in this keyfile opens no page of the database: the data key was changed (this is an old keyfile copied before the change), or the database does not belong to this keyfile</translation>
    </message>
    <message>
        <source>数据完整性校验失败</source>
        <translation>The data integrity check failed.</translation>
    </message>
    <message>
        <source>密钥文件已损坏或格式不正确</source>
        <translation>The key file is damaged or in an invalid format.</translation>
    </message>
    <message>
        <source>审计日志链校验失败：记录被删除或篡改</source>
        <translation>Audit log chain verification failed: entries have been deleted or tampered with.</translation>
    </message>
    <message>
        <source>附件已损坏或被篡改</source>
        <translation>The attachment is damaged or has been tampered with.</translation>
    </message>
    <message>
        <source>备份文件已损坏、被篡改或不是本系统的备份</source>
        <translation>The backup file is damaged, has been tampered with, or is not a backup from this system.</translation>
    </message>
    <message>
        <source>数据库文件已损坏，不能继续使用。请把备份恢复到一个新的空文件夹：workbench restore 备份文件 --store 新文件夹（数据库文件夹下的 backups 中有自动备份）；需要帮助请联系系统管理员</source>
        <translation>The database file is damaged and cannot be used. Restore a backup into a new, empty folder: workbench restore BACKUP-FILE --store NEW-FOLDER (automatic backups are in the backups folder inside the store folder); ask your system administrator for help.</translation>
    </message>
    <message>
        <source>未找到</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>未找到数据库，请先初始化</source>
        <translation>No database was found. Please initialize one first.</translation>
    </message>
    <message>
        <source>当前用户无权执行此操作</source>
        <translation>The current user is not permitted to perform this action.</translation>
    </message>
    <message>
        <source>与现有数据冲突</source>
        <translation>This conflicts with existing data.</translation>
    </message>
    <message>
        <source>有用户自升级以来尚未登录，其密钥槽不能换用新的数据密钥</source>
        <translation>Some users have not unlocked since the upgrade: their keyslots cannot be given the new data key</translation>
    </message>
    <message>
        <source>目标位置已有数据库，不会覆盖</source>
        <translation>A database already exists at the target location; it will not be overwritten.</translation>
    </message>
    <message>
        <source>数据库已锁定，请重新解锁</source>
        <translation>The database is locked. Please unlock it again.</translation>
    </message>
    <message>
        <source>输入不符合要求</source>
        <translation>The input does not meet the requirements.</translation>
    </message>
    <message>
        <source>名称对应多条记录，请写出完整名称</source>
        <translation>The name matches several records; write the full name.</translation>
    </message>
    <message>
        <source>当前状态不允许此操作</source>
        <translation>This action is not allowed in the current state.</translation>
    </message>
    <message>
        <source>领导干部问题应登记为问题线索，不能形成底稿</source>
        <translation>Problems involving leading cadres must be registered as clues, not as findings.</translation>
    </message>
    <message>
        <source>总体评价与各方面评价相矛盾</source>
        <translation>The overall rating contradicts the ratings of its aspects.</translation>
    </message>
    <message>
        <source>超过允许的大小</source>
        <translation>The maximum allowed size was exceeded.</translation>
    </message>
    <message>
        <source>磁盘空间不足，操作已取消，数据未改变</source>
        <translation>There is not enough disk space. The operation was cancelled and no data was changed.</translation>
    </message>
    <message>
        <source>操作已取消</source>
        <translation>The operation was cancelled.</translation>
    </message>
    <message>
        <source>数据库正被另一个操作占用，请稍后再试</source>
        <translation>The database is busy with another operation. Please try again later.</translation>
    </message>
    <message>
        <source>数据库由更新版本的程序创建，请升级本程序</source>
        <translation>The database was created by a newer version of the program. Please upgrade this program.</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>本机（巡察办）</source>
        <translation>This computer (inspection office)</translation>
    </message>
    <message>
        <source>未登记的设备</source>
        <translation>Unenrolled device</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>本轮没有尚未经巡察办回执确认的记录和附件，未生成数据包</source>
        <translation>The round holds no records or attachments the inspection office has not confirmed by receipt; no package was written</translation>
    </message>
    <message>
        <source>数据包被拒收</source>
        <translation>The package was rejected.</translation>
    </message>
    <message>
        <source>不是数据包文件，或文件头已损坏</source>
        <translation>This is not a package file, or its header is damaged.</translation>
    </message>
    <message>
        <source>数据包不是加密给本单位的，无法解密</source>
        <translation>The package was not encrypted for this office and cannot be decrypted.</translation>
    </message>
    <message>
        <source>数据包已损坏、被截断或被篡改</source>
        <translation>The package is damaged, truncated, or has been tampered with.</translation>
    </message>
    <message>
        <source>数据包内容不是本系统的格式</source>
        <translation>The package contents are not in this system&apos;s format.</translation>
    </message>
    <message>
        <source>数据包格式版本不受支持</source>
        <translation>The package format version is not supported.</translation>
    </message>
    <message>
        <source>数据包内容不完整（被截断）</source>
        <translation>The package contents are incomplete (truncated).</translation>
    </message>
    <message>
        <source>数据包末尾有多余的数据</source>
        <translation>The package has extra data at the end.</translation>
    </message>
    <message>
        <source>数据包超过允许的大小或数量上限</source>
        <translation>The package exceeds the allowed size or item count limit.</translation>
    </message>
    <message>
        <source>数据包清单格式不正确</source>
        <translation>The package manifest is in an invalid format.</translation>
    </message>
    <message>
        <source>数据包签名无效：内容可能被篡改</source>
        <translation>The package signature is invalid: the contents may have been tampered with.</translation>
    </message>
    <message>
        <source>设备证书无效或不是本巡察办签发的</source>
        <translation>The device certificate is invalid or was not issued by this inspection office.</translation>
    </message>
    <message>
        <source>设备证书已过期或尚未生效</source>
        <translation>The device certificate has expired or is not yet valid.</translation>
    </message>
    <message>
        <source>发送设备未在本巡察办登记</source>
        <translation>The sending device is not registered with this inspection office.</translation>
    </message>
    <message>
        <source>发送设备已被吊销，拒收其数据包</source>
        <translation>The sending device has been revoked; its packages are rejected.</translation>
    </message>
    <message>
        <source>数据包清单中的接收方不是本单位</source>
        <translation>The recipient named in the package manifest is not this office.</translation>
    </message>
    <message>
        <source>此类数据包不能在本数据库导入</source>
        <translation>This type of package cannot be imported into this database.</translation>
    </message>
    <message>
        <source>数据包由不同版本的程序生成，请先统一程序版本</source>
        <translation>The package was produced by a different version of the program. Please bring all installations to the same version first.</translation>
    </message>
    <message>
        <source>数据包中文件的大小与清单不符</source>
        <translation>The size of a file in the package does not match the manifest.</translation>
    </message>
    <message>
        <source>数据包中文件的校验值与清单不符</source>
        <translation>The checksum of a file in the package does not match the manifest.</translation>
    </message>
    <message>
        <source>数据包中的记录不符合格式要求</source>
        <translation>Records in the package do not meet the format requirements.</translation>
    </message>
    <message>
        <source>记录引用的附件既不在数据包中，也不在本数据库中</source>
        <translation>A record refers to an attachment that is neither in the package nor in this database.</translation>
    </message>
    <message>
        <source>数据包中的记录不属于清单声明的巡察轮次</source>
        <translation>Records in the package do not belong to the inspection round declared in the manifest.</translation>
    </message>
    <message>
        <source>数据包中的记录超出该设备受领的巡察轮次或巡察组</source>
        <translation>Records in the package fall outside the inspection rounds or teams this device was briefed for.</translation>
    </message>
    <message>
        <source>数据包中记录的来源设备或创建、修改人与签名设备不符</source>
        <translation>The origin device, creator or editor of records in the package does not match the signing device.</translation>
    </message>
    <message>
        <source>同一设备的同一序号已导入过另一个数据包：可能是重放或伪造，请核查</source>
        <translation>Another package with the same sequence number from the same device has already been imported. This may be a replay or a forgery; please investigate.</translation>
    </message>
    <message>
        <source>数据包编号已被另一个内容不同的数据包使用</source>
        <translation>The package ID is already used by another package with different contents.</translation>
    </message>
    <message>
        <source>数据包与该设备此前的数据包链不衔接：可能是伪造或设备数据被回滚</source>
        <translation>The package does not continue the chain of earlier packages from this device. It may be forged, or the device data may have been rolled back.</translation>
    </message>
    <message>
        <source>写入暂存文件失败，数据未改变</source>
        <translation>Writing the temporary file failed. No data was changed.</translation>
    </message>
    <message>
        <source>登记申请文件无效或被改动</source>
        <translation>The registration request file is invalid or has been altered.</translation>
    </message>
    <message>
        <source>设备证书文件无效、被改动或不是发给本设备的</source>
        <translation>The device certificate file is invalid, has been altered, or was not issued to this device.</translation>
    </message>
    <message>
        <source>指纹与核对值不一致：请勿继续，并通过电话等其他渠道核实</source>
        <translation>The fingerprint does not match the check value. Do not continue; verify through another channel, such as by phone.</translation>
    </message>
    <message>
        <source>当前数据库状态不允许此操作</source>
        <translation>This action is not allowed in the current database state.</translation>
    </message>
    <message>
        <source>自本设备上一次导出以来，本轮没有新增或修改的记录和附件，未生成数据包</source>
        <translation>No records or attachments of the round were added or changed since this device&apos;s last export; no package was written</translation>
    </message>
    <message>
        <source>回执所列数据包与本设备的导出记录不符</source>
        <translation>The packages listed in the receipt do not match this device&apos;s export records.</translation>
    </message>
    <message>
        <source>本轮还有数据未经巡察办回执确认，不能清理</source>
        <translation>Some data in this round has not yet been confirmed by an inspection office receipt, so the round cannot be wiped.</translation>
    </message>
    <message>
        <source>没有这条冲突记录</source>
        <translation>This conflict record does not exist.</translation>
    </message>
    <message>
        <source>所选的逐项合并不符合规则，未保存</source>
        <translation>The merge as chosen breaks the rules and was not saved</translation>
    </message>
    <message>
        <source>工作秘密</source>
        <translation>Work secret</translation>
    </message>
    <message>
        <source>内部</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>常规</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>专项</source>
        <translation>Special</translation>
    </message>
    <message>
        <source>机动</source>
        <translation>Ad hoc</translation>
    </message>
    <message>
        <source>提级</source>
        <translation>Elevated</translation>
    </message>
    <message>
        <source>交叉</source>
        <translation>Cross</translation>
    </message>
    <message>
        <source>联动</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>回头看</source>
        <translation>Follow-up review</translation>
    </message>
    <message>
        <source>对村</source>
        <translation>Village-level</translation>
    </message>
    <message>
        <source>准备</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <source>进驻</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archiving</translation>
    </message>
    <message>
        <source>市级</source>
        <translation>City level</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County level</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>草拟</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已报备</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>审核通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Returned for revision</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <source>连不上巡察办服务器（服务器未启动、网络不通或连接已中断），本次操作未完成、未写入任何数据；请稍后再试，或请系统管理员检查服务器</source>
        <translation>Cannot reach the office server (it is not running, the network is down or the connection was lost). Nothing was done or written; try again later, or ask the system administrator to check the server</translation>
    </message>
    <message>
        <source>巡察办服务器的证书未通过校验（不是本单位 CA 签发、已过期，或与服务器地址不符），为防止连到冒充的服务器，连接已拒绝：请向系统管理员核对服务器地址和 CA 证书</source>
        <translation>The office server&apos;s certificate failed verification (not issued by the office&apos;s CA, expired, or not matching the server&apos;s address). The connection was refused so as not to reach an impostor: check the server&apos;s address and the CA certificate with the system administrator</translation>
    </message>
    <message>
        <source>巡察办服务器拒绝了数据库登录：数据库账号或其口令不正确，或服务器不允许该账号从本机登录</source>
        <translation>The office server refused the database login: the database account or its password is wrong, or the server does not let this account log in from this computer</translation>
    </message>
    <message>
        <source>巡察办服务器上没有地址中所写的数据库：请核对数据库名</source>
        <translation>The office server has no database by the name in the address: check the database name</translation>
    </message>
    <message>
        <source>巡察办服务器上的数据库不支持此操作（它只适用于本机的加密数据库文件）；服务器的备份由数据库管理员在服务器上进行</source>
        <translation>The office store on the server does not support this (it applies to an encrypted store file on this computer); the database administrator backs up the server on the server</translation>
    </message>
    <message>
        <source>无法识别的金额“{value}”</source>
        <translation>Cannot read the amount “{value}”</translation>
    </message>
    <message>
        <source>无法识别的金额“{value}”（千位分隔符位置不对）</source>
        <translation>Cannot read the amount “{value}” (thousands separators in the wrong place)</translation>
    </message>
    <message>
        <source>金额超出范围</source>
        <translation>The amount is out of range</translation>
    </message>
    <message>
        <source>无法识别的面积“{value}”</source>
        <translation>Cannot read the area “{value}”</translation>
    </message>
    <message>
        <source>无法识别的面积“{value}”（千位分隔符位置不对）</source>
        <translation>Cannot read the area “{value}” (thousands separators in the wrong place)</translation>
    </message>
    <message>
        <source>面积超出范围</source>
        <translation>The area is out of range</translation>
    </message>
    <message>
        <source>身份证号被 Excel 存成了数字，末几位已丢失：请把该列设为文本后重新导出</source>
        <translation>The ID number was saved by Excel as a number and its last digits are lost: format the column as text and export again</translation>
    </message>
    <message>
        <source>身份证号应为 18 位（或 15 位）</source>
        <translation>An ID number has 18 characters (or 15 digits)</translation>
    </message>
    <message>
        <source>身份证号校验码不符</source>
        <translation>The ID number&apos;s check digit does not match</translation>
    </message>
    <message>
        <source>身份证号中的出生日期无效</source>
        <translation>The date of birth in the ID number is not valid</translation>
    </message>
    <message>
        <source>统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）</source>
        <translation>A unified social credit code has 18 digits or capital letters (no I, O, S, V or Z)</translation>
    </message>
    <message>
        <source>统一社会信用代码校验位不符</source>
        <translation>The unified social credit code&apos;s check character does not match</translation>
    </message>
    <message>
        <source>无法识别的日期“{value}”</source>
        <translation>Cannot read the date “{value}”</translation>
    </message>
    <message>
        <source>日期“{value}”超出合理范围</source>
        <translation>The date “{value}” is out of the plausible range</translation>
    </message>
    <message>
        <source>面积不能为负数</source>
        <translation>The area cannot be negative</translation>
    </message>
    <message>
        <source>日期“{value}”不存在</source>
        <translation>The date “{value}” does not exist</translation>
    </message>
    <message>
        <source>该数据库不是巡察工作台的巡察办数据库：请向系统管理员核对地址（新的巡察办数据库须由系统管理员先建立）</source>
        <translation>This database is not a workbench office store: check the address with the system administrator (a new office store must first be set up by the system administrator)</translation>
    </message>
    <message>
        <source>本轮没有名为“{name}”的巡察组</source>
        <translation>This round has no inspection team named “{name}”</translation>
    </message>
    <message>
        <source>本轮没有名为“{name}”的被巡察单位</source>
        <translation>This round has no inspected unit named “{name}”</translation>
    </message>
    <message>
        <source>本轮没有名为“{name}”的人员</source>
        <translation>This round has no person named “{name}”</translation>
    </message>
    <message>
        <source>本轮有 {count} 名叫“{name}”的人员，请在工作台中申报回避</source>
        <translation>This round has {count} persons named “{name}”: declare the recusal in the workbench</translation>
    </message>
    <message>
        <source>被 Excel 存成了数字，末几位可能已经丢失；请把本列设为文本格式后重新填写</source>
        <translation>Saved by Excel as a number, so its last digits may be lost: format this column as text and fill it in again</translation>
    </message>
    <message>
        <source>“{value}”不是可选的类型，可选：{options}</source>
        <translation>“{value}” is not one of the types; choose from: {options}</translation>
    </message>
    <message>
        <source>本轮已有此{kind}条目“{title}”</source>
        <translation>This round already has the {kind} entry “{title}”</translation>
    </message>
    <message>
        <source>本轮已有名为“{name}”的被巡察单位</source>
        <translation>This round already has an inspected unit named “{name}”</translation>
    </message>
    <message>
        <source>与第 {row} 行重复（同名被巡察单位）</source>
        <translation>Repeats row {row} (an inspected unit of the same name)</translation>
    </message>
    <message>
        <source>本轮已有此身份证号的人员</source>
        <translation>This round already has a person with this ID number</translation>
    </message>
    <message>
        <source>与第 {row} 行重复（同一身份证号）</source>
        <translation>Repeats row {row} (the same ID number)</translation>
    </message>
    <message>
        <source>该被巡察单位已有名为“{name}”的人员</source>
        <translation>This inspected unit already has a person named “{name}”</translation>
    </message>
    <message>
        <source>与第 {row} 行重复（同一单位的同名人员）</source>
        <translation>Repeats row {row} (a person of the same name in the same unit)</translation>
    </message>
    <message>
        <source>该巡察组已有成员“{name}”</source>
        <translation>This inspection team already has a member named “{name}”</translation>
    </message>
    <message>
        <source>与第 {row} 行重复（同组同名成员）</source>
        <translation>Repeats row {row} (a member of the same name in the same team)</translation>
    </message>
    <message>
        <source>与第 {row} 行重复（同一清单的同名条目）</source>
        <translation>Repeats row {row} (an entry of the same title in the same list)</translation>
    </message>
    <message>
        <source>是公式且没有计算结果，请在 Excel 中重新计算并保存后再导入</source>
        <translation>Is a formula without a computed result: recalculate and save it in Excel, then import again</translation>
    </message>
    <message>
        <source>必填，不能为空</source>
        <translation>Required; must not be empty</translation>
    </message>
    <message>
        <source>“{value}”不是“{kind}”的子类型，可选：{options}</source>
        <translation>“{value}” is not a sub-type of “{kind}”; choose from: {options}</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>“{kind}”没有子类型，请留空</source>
        <translation>“{kind}” has no sub-types: leave this empty</translation>
    </message>
    <message>
        <source>{column}“{value}”不是有效日期（如 2026-06-30）</source>
        <translation>{column} “{value}” is not a valid date (such as 2026-06-30)</translation>
    </message>
    <message>
        <source>迁移校验未通过：服务器上的数据与源数据库不一致，服务器上的数据库未启用；源数据库未改动，请查明原因后在一个空数据库中重新迁移</source>
        <translation>The migration did not verify: the data on the server differs from the source store, so the server&apos;s database is not enabled; the source store is unchanged. Find the cause, then migrate again into an empty database</translation>
    </message>
    <message>
        <source>副组长</source>
        <translation>Deputy team leader</translation>
    </message>
    <message>
        <source>组员</source>
        <translation>Team member</translation>
    </message>
    <message>
        <source>加载巡察办服务器的数据库驱动（不连接服务器）</source>
        <translation>Load the office server&apos;s database driver (without connecting)</translation>
    </message>
    <message>
        <source>随包下发名单</source>
        <translation>Lists sent with a briefing</translation>
    </message>
    <message>
        <source>收到下发名单</source>
        <translation>Lists received from the office</translation>
    </message>
    <message>
        <source>迁移到巡察办服务器</source>
        <translation>Moved to the office server</translation>
    </message>
    <message>
        <source>“{field}”不能为空</source>
        <translation>“{field}” must not be empty</translation>
    </message>
    <message>
        <source>“{field}”超过 {width} 个字</source>
        <translation>“{field}” is longer than {width} characters</translation>
    </message>
    <message>
        <source>身份证号应为 18 位，“{number}”是 {length} 位</source>
        <translation>An ID number has 18 characters; “{number}” has {length}</translation>
    </message>
    <message>
        <source>身份证号前 17 位应为数字，末位为数字或 X</source>
        <translation>The first 17 characters of an ID number are digits, the last a digit or X</translation>
    </message>
    <message>
        <source>身份证号中的出生日期 {born} 不合理</source>
        <translation>The date of birth {born} in the ID number is not plausible</translation>
    </message>
    <message>
        <source>身份证号校验位不符（GB 11643），请核对是否录错</source>
        <translation>The ID number&apos;s check character does not match (GB 11643): check it for a typing error</translation>
    </message>
    <message>
        <source>身份证号中的出生日期 {born} 不存在</source>
        <translation>The date of birth {born} in the ID number does not exist</translation>
    </message>
    <message>
        <source>本机备份</source>
        <translation>a local backup</translation>
    </message>
    <message>
        <source>检索索引与记录一致</source>
        <translation>Search index matches the records</translation>
    </message>
    <message>
        <source>该用户已停用：如有疑问请联系系统管理员</source>
        <translation>This user is disabled. If in doubt, contact the system administrator.</translation>
    </message>
    <message>
        <source>服务器地址设为不校验巡察办服务器的证书，无法防止连到冒充的服务器，连接已拒绝：请向系统管理员索取巡察办的 CA 证书，并去掉地址中的加密方式设置</source>
        <translation>The server address is set not to verify the office server&apos;s certificate, so a server posing as it could not be detected; the connection was refused. Ask the system administrator for the office&apos;s CA certificate, and remove the encryption setting (sslmode) from the address.</translation>
    </message>
    <message>
        <source>数据密钥的更换尚未完成，此口令或恢复码不能完成它：请联系系统管理员登录以完成更换</source>
        <translation>A change of the data key is unfinished and this passphrase or recovery code cannot finish it: ask a system administrator to unlock and finish it</translation>
    </message>
    <message>
        <source>巡察办服务器拒绝了本次操作：所用的数据库账号没有读写巡察办数据库的权限。请数据库管理员按安装说明，把该账号加入拥有巡察办数据库的组角色，并设置它登录后以该组角色操作</source>
        <translation>The office server refused this operation: the database account has no right to read and write the office database. Ask the database administrator to add the account to the group role that owns the office database, as the installation guide says, and to make it act as that group role when it logs in.</translation>
    </message>
    <message>
        <source>该数据库正在从本机数据库迁移，尚未完成校验，还不能使用：请联系系统管理员完成迁移</source>
        <translation>This database is still being migrated from a desktop store and has not been verified, so it cannot be used yet: ask the system administrator to finish the migration</translation>
    </message>
    <message>
        <source>《{list}》</source>
        <translation>&quot;{list}&quot;</translation>
    </message>
    <message>
        <source>{a}和{b}</source>
        <translation>{a} and {b}</translation>
    </message>
    <message>
        <source>{a}、{b}</source>
        <translation>{a}, {b}</translation>
    </message>
    <message>
        <source>{who}是{officials}的{relation}，在{received}中</source>
        <translation>{who}, {relation} of {officials}, is in {received}</translation>
    </message>
    <message>
        <source>{who}于 {died} 死亡（{deaths}），此后在{paid}中仍有 {count} 笔发放</source>
        <translation>{who} died on {died} ({deaths}) and still had {count} payments in {paid} after that</translation>
    </message>
    <message>
        <source>{who}在{lists}中{said}</source>
        <translation>{who} in {lists}: {said}</translation>
    </message>
    <message>
        <source>{who}{deals}</source>
        <translation>{who} {deals}</translation>
    </message>
    <message>
        <source>财政供养人员{who}在工商登记中为{roles}</source>
        <translation>Public employee {who} is registered in the business register as {roles}</translation>
    </message>
    <message>
        <source>{who}在{list}中补贴面积 {claimed}，承包面积 {held}，超出 {over}</source>
        <translation>{who} in {list}: subsidised area {claimed}, contracted area {held}, {over} over</translation>
    </message>
    <message>
        <source>{amount} 元</source>
        <translation>CNY {amount}</translation>
    </message>
    <message>
        <source>{area} 亩</source>
        <translation>{area} mu</translation>
    </message>
    <message>
        <source>《{kind}（{list}）》</source>
        <translation>&quot;{kind} ({list})&quot;</translation>
    </message>
    <message>
        <source>（无姓名）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>{name}（{notes}）</source>
        <translation>{name} ({notes})</translation>
    </message>
    <message>
        <source>{who}同时在{received}和{own}中</source>
        <translation>{who} is in both {received} and {own}</translation>
    </message>
    <message>
        <source>{who}于 {died} 死亡（{deaths}），此后在{paid}中仍有 {count} 笔发放，最晚一笔发放于 {last}</source>
        <translation>{who} died on {died} ({deaths}) and still had {count} payments in {paid} after that, the latest on {last}</translation>
    </message>
    <message>
        <source>{year}年{month}月领取 {count} 次</source>
        <translation>received {count} times in {year}-{month}</translation>
    </message>
    <message>
        <source>{a}，{b}</source>
        <translation>{a}, {b}</translation>
    </message>
    <message>
        <source>出现 {count} 次</source>
        <translation>appears {count} times</translation>
    </message>
    <message>
        <source>村干部{cadre}（{post}）的{relation}{who}</source>
        <translation>{who}, {relation} of village cadre {cadre} ({post}),</translation>
    </message>
    <message>
        <source>村干部{who}本人</source>
        <translation>Village cadre {who} in person</translation>
    </message>
    <message>
        <source>签订本村“三资”合同《{contract}》</source>
        <translation>signed the village collective-assets contract &quot;{contract}&quot;</translation>
    </message>
    <message>
        <source>身份证号 …{digits}</source>
        <translation>ID number …{digits}</translation>
    </message>
    <message>
        <source>{name}（{list}）</source>
        <translation>{name} ({list})</translation>
    </message>
    <message>
        <source>于{places}多地领取</source>
        <translation>received in several places: {places}</translation>
    </message>
    <message>
        <source>为{companies}，该企业中标本村项目{won}</source>
        <translation>is {companies}, and the company won the village project {won}</translation>
    </message>
    <message>
        <source>{a}；{b}</source>
        <translation>{a}; {b}</translation>
    </message>
    <message>
        <source>近亲属</source>
        <translation>close relative</translation>
    </message>
    <message>
        <source>数据库页（加密校验与内部结构）</source>
        <translation>Database pages (encryption check and internal structure)</translation>
    </message>
    <message>
        <source>外键引用</source>
        <translation>Foreign key references</translation>
    </message>
    <message>
        <source>数据库结构版本</source>
        <translation>Database schema version</translation>
    </message>
    <message>
        <source>审计日志哈希链、锚点与签名</source>
        <translation>Audit log hash chain, anchors and signatures</translation>
    </message>
    <message>
        <source>附件（存在、解密与哈希）</source>
        <translation>Attachments (present, decrypt, hash)</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>由服务器负责</source>
        <translation>The server&apos;s job</translation>
    </message>
    <message>
        <source>未进行</source>
        <translation>Not run</translation>
    </message>
    <message>
        <source>服务器上的数据页由数据库管理员检查：启用数据校验和，定期运行 pg_amcheck，并负责磁盘加密与备份</source>
        <translation>The server&apos;s data pages are checked by the database administrator: data checksums enabled, pg_amcheck run regularly, and the disk encryption and backups</translation>
    </message>
    <message>
        <source>服务器上的索引结构</source>
        <translation>Index structure on the server</translation>
    </message>
    <message>
        <source>服务器未向本程序的登录开放 amcheck 扩展：索引结构由数据库管理员用 pg_amcheck 检查</source>
        <translation>The server does not let this program&apos;s login use the amcheck extension: the database administrator checks the index structure with pg_amcheck</translation>
    </message>
    <message>
        <source>原口令打不开本机保存的服务器连接：请核对原口令；若已想不起，请向系统管理员索取连接信息，重新填写后连接巡察办服务器</source>
        <translation>The old passphrase does not open the connection kept on this computer: check it; if you cannot remember it, ask the system administrator for the connection details and connect to the office server again with them</translation>
    </message>
    <message>
        <source>新口令打不开你在巡察办服务器上的账户：请核对系统管理员为你设置的新口令</source>
        <translation>The new passphrase does not open your account on the office server: check the new passphrase the system administrator set for you</translation>
    </message>
    <message>
        <source>无法读取 CA 证书文件 {path}：请核对文件，或向系统管理员索取</source>
        <translation>Cannot read the CA certificate file {path}: check the file, or ask the system administrator for it</translation>
    </message>
    <message>
        <source>CA 证书文件不是 PEM 格式的证书：请核对文件，或向系统管理员索取</source>
        <translation>The CA certificate file is not a PEM certificate: check the file, or ask the system administrator for it</translation>
    </message>
    <message>
        <source>需要巡察办的 CA 证书文件（向系统管理员索取）：服务器的证书要对照它校验</source>
        <translation>The office&apos;s CA certificate file is needed (ask the system administrator for it): the server&apos;s certificate is checked against it</translation>
    </message>
    <message>
        <source>数据库中的密钥文件过大，不是本程序的密钥文件</source>
        <translation>The keyfile in the database is too large; it is not this program&apos;s keyfile</translation>
    </message>
    <message>
        <source>服务器上的数据库不是本机所连接的那一个巡察办数据库（编号不同）：请向系统管理员核对地址后重新连接巡察办服务器</source>
        <translation>The database on the server is not the office store this computer is connected to (its ID differs): check the address with the system administrator, then connect to the office server again</translation>
    </message>
    <message>
        <source>巡察办服务器的磁盘空间不足，操作已取消，数据未改变：请联系数据库管理员</source>
        <translation>The office server&apos;s disk is full: the operation was cancelled and nothing was changed. Please contact the database administrator</translation>
    </message>
    <message>
        <source>巡察办服务器地址应形如 postgresql://用户@主机:端口/数据库（由系统管理员提供）</source>
        <translation>The office server&apos;s address looks like postgresql://user@host:port/database (the system administrator gives it to you)</translation>
    </message>
    <message>
        <source>巡察办服务器上的数据库字符集是 {encoding}，本程序需要 UTF8：请数据库管理员按说明另建一个 UTF8 字符集的数据库，本程序未在该数据库中建立或改动任何内容</source>
        <translation>The database on the office server is in the {encoding} encoding; this program needs UTF8: ask the database administrator to create a database in UTF8 as described. Nothing was created or changed in that database</translation>
    </message>
    <message>
        <source>巡察办服务器的 PostgreSQL 版本是 {version}，本程序需要 14 或更高版本：请数据库管理员升级服务器，本程序未在该数据库中建立或改动任何内容</source>
        <translation>The office server runs PostgreSQL {version}; this program needs version 14 or later: ask the database administrator to upgrade the server. Nothing was created or changed in that database</translation>
    </message>
    <message>
        <source>巡察办服务器上的数据库不支持{job}：它只适用于本机的加密数据库文件；服务器的备份与加密由数据库管理员在服务器上进行</source>
        <translation>The database on the office server does not support {job}: it applies only to an encrypted database file on this computer; the database administrator backs up and encrypts the server on the server</translation>
    </message>
    <message>
        <source>{path} 不是空文件夹：请另选一个空文件夹（其中已有的文件不会被改动或覆盖）</source>
        <translation>{path} is not an empty folder: choose an empty one (nothing already in it is changed or overwritten)</translation>
    </message>
    <message>
        <source>记录员</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>信访专员</source>
        <translation>Petitions officer</translation>
    </message>
    <message>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>相对固定</source>
        <translation>Semi-permanent</translation>
    </message>
    <message>
        <source>抽调</source>
        <translation>Seconded</translation>
    </message>
    <message>
        <source>特别关注</source>
        <translation>Special attention</translation>
    </message>
    <message>
        <source>重点关注</source>
        <translation>Key attention</translation>
    </message>
    <message>
        <source>一般关注</source>
        <translation>General attention</translation>
    </message>
    <message>
        <source>市管</source>
        <translation>City-managed</translation>
    </message>
    <message>
        <source>县管</source>
        <translation>County-managed</translation>
    </message>
    <message>
        <source>乡管</source>
        <translation>Township-managed</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>必谈</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>选谈</source>
        <translation>Selected</translation>
    </message>
    <message>
        <source>约谈</source>
        <translation>Summoned</translation>
    </message>
    <message>
        <source>自愿来谈</source>
        <translation>Voluntary</translation>
    </message>
    <message>
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>小信封</source>
        <translation>Small envelope</translation>
    </message>
    <message>
        <source>来电</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>来访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>二维码</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>意见箱</source>
        <translation>Suggestion box</translation>
    </message>
    <message>
        <source>转办</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>问题线索类</source>
        <translation>Clue</translation>
    </message>
    <message>
        <source>一般性问题</source>
        <translation>General issue</translation>
    </message>
    <message>
        <source>意见建议</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>不属受理范围</source>
        <translation>Out of scope</translation>
    </message>
    <message>
        <source>重复件</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>转为线索</source>
        <translation>Converted to clue</translation>
    </message>
    <message>
        <source>纳入了解/底稿</source>
        <translation>Taken into inquiry / finding</translation>
    </message>
    <message>
        <source>转交</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <source>留存备查</source>
        <translation>Kept on file</translation>
    </message>
    <message>
        <source>了结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已摘要</source>
        <translation>Summarized</translation>
    </message>
    <message>
        <source>已上组务会</source>
        <translation>Discussed at team meeting</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>Disposed</translation>
    </message>
    <message>
        <source>政治纪律</source>
        <translation>Political discipline</translation>
    </message>
    <message>
        <source>组织纪律</source>
        <translation>Organizational discipline</translation>
    </message>
    <message>
        <source>廉洁纪律</source>
        <translation>Integrity discipline</translation>
    </message>
    <message>
        <source>群众纪律</source>
        <translation>Mass discipline</translation>
    </message>
    <message>
        <source>工作纪律</source>
        <translation>Work discipline</translation>
    </message>
    <message>
        <source>生活纪律</source>
        <translation>Personal conduct discipline</translation>
    </message>
    <message>
        <source>编制中</source>
        <translation>Drafting</translation>
    </message>
    <message>
        <source>待复核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <source>待审签</source>
        <translation>Awaiting sign-off</translation>
    </message>
    <message>
        <source>已审签</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <source>经办人编制</source>
        <translation>Drafted by case officer</translation>
    </message>
    <message>
        <source>副组长复核</source>
        <translation>Reviewed by deputy team leader</translation>
    </message>
    <message>
        <source>组长审签</source>
        <translation>Signed off by team leader</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>主体责任</source>
        <translation>Primary responsibility</translation>
    </message>
    <message>
        <source>第一责任人</source>
        <translation>First person responsible</translation>
    </message>
    <message>
        <source>主要领导责任</source>
        <translation>Principal leadership responsibility</translation>
    </message>
    <message>
        <source>直接责任</source>
        <translation>Direct responsibility</translation>
    </message>
    <message>
        <source>谈话记录</source>
        <translation>Interview record</translation>
    </message>
    <message>
        <source>信访材料</source>
        <translation>Petition material</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>会议记录</source>
        <translation>Meeting minutes</translation>
    </message>
    <message>
        <source>财务凭证</source>
        <translation>Financial voucher</translation>
    </message>
    <message>
        <source>问卷统计</source>
        <translation>Survey statistics</translation>
    </message>
    <message>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>音视频</source>
        <translation>Audio/video</translation>
    </message>
    <message>
        <source>纪委监委</source>
        <translation>Commission for Discipline Inspection and Supervision</translation>
    </message>
    <message>
        <source>组织部</source>
        <translation>Organization Department</translation>
    </message>
    <message>
        <source>单移交</source>
        <translation>Single transfer</translation>
    </message>
    <message>
        <source>双移交</source>
        <translation>Dual transfer</translation>
    </message>
    <message>
        <source>谈话函询</source>
        <translation>Talk or written inquiry</translation>
    </message>
    <message>
        <source>初步核实</source>
        <translation>Preliminary verification</translation>
    </message>
    <message>
        <source>暂存待查</source>
        <translation>Shelved pending investigation</translation>
    </message>
    <message>
        <source>予以了结</source>
        <translation>Closed without action</translation>
    </message>
    <message>
        <source>初核</source>
        <translation>Preliminary check</translation>
    </message>
    <message>
        <source>立案</source>
        <translation>Case filed</translation>
    </message>
    <message>
        <source>党纪处分</source>
        <translation>Party disciplinary sanction</translation>
    </message>
    <message>
        <source>政务处分</source>
        <translation>Government sanction</translation>
    </message>
    <message>
        <source>组织处理</source>
        <translation>Organizational handling</translation>
    </message>
    <message>
        <source>已移交</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>已接收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已反馈</source>
        <translation>Feedback given</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <source>听取汇报</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <source>座谈会</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>列席会议</source>
        <translation>Attending meeting</translation>
    </message>
    <message>
        <source>调阅资料</source>
        <translation>Document review</translation>
    </message>
    <message>
        <source>民主测评/问卷</source>
        <translation>Democratic evaluation / survey</translation>
    </message>
    <message>
        <source>实地走访/下沉</source>
        <translation>Field visit</translation>
    </message>
    <message>
        <source>专项检查</source>
        <translation>Special check</translation>
    </message>
    <message>
        <source>个人事项抽查</source>
        <translation>Personal matters spot check</translation>
    </message>
    <message>
        <source>未开展</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>了解中</source>
        <translation>Under inquiry</translation>
    </message>
    <message>
        <source>比对情况（各语言显示用）</source>
        <translation>What was matched (for display in each language)</translation>
    </message>
    <message>
        <source>公职人员、村（社区）干部及其近亲属享受低保/特困</source>
        <translation>Public employees, village cadres or their relatives on subsistence allowance</translation>
    </message>
    <message>
        <source>财政供养人员、村（社区）干部名单及干部近亲属名单，按身份证号与低保/特困/临时救助名单比对。近亲属只在其关联的干部本人在名单中时比中。</source>
        <translation>Compares the state-funded staff roster, the village (community) cadre list and the cadres&apos; close relatives list with the subsistence allowance / extreme poverty / temporary assistance list by ID number. A close relative matches only when the cadre they are linked to is on the list.</translation>
    </message>
    <message>
        <source>公职人员、村（社区）干部或其近亲属享受低保、特困供养等救助，可能存在不符合条件违规享受、优亲厚友或审核把关不严，需核实其家庭收入、财产状况和审批过程。</source>
        <translation>A public employee, village (community) cadre or close relative receiving subsistence allowance, extreme poverty support or other assistance may be ineligible, favoured as kin or friends, or let through by lax review; verify the household&apos;s income, assets and the approval process.</translation>
    </message>
    <message>
        <source>群众纪律：在社会保障、救助款物分配等事项中优亲厚友、明显有失公平；工作纪律：审核把关不严（《中国共产党纪律处分条例》）</source>
        <translation>Mass discipline: favouring relatives and friends, or plain unfairness, in social security and in allocating assistance funds and goods; work discipline: lax review (CPC Regulations on Disciplinary Actions)</translation>
    </message>
    <message>
        <source>死亡人员在死亡日期后仍领取低保或补贴</source>
        <translation>Subsistence allowance or subsidies paid after the recipient&apos;s death</translation>
    </message>
    <message>
        <source>死亡/火化人员名单按身份证号与低保/特困/临时救助名单、惠农补贴发放名单比对，发放日期晚于死亡日期（加宽限天数）的比中；死亡前的发放不比中。</source>
        <translation>Compares the death / cremation records with the subsistence allowance / extreme poverty / temporary assistance list and the farm subsidy payment list by ID number. A payment dated after the date of death (plus the grace days) matches; payments before death do not.</translation>
    </message>
    <message>
        <source>死亡人员在死亡后仍被发放低保或补贴资金，可能存在冒领、虚报套取或动态管理不到位，需核实资金去向和经办责任。</source>
        <translation>Subsistence allowance or subsidy paid to a person after their death may mean fraudulent claims, false reporting or poor upkeep of the rolls; verify where the money went and who handled it.</translation>
    </message>
    <message>
        <source>群众纪律：侵害群众利益，虚报冒领、截留挪用惠民资金；工作纪律：动态管理失职（《中国共产党纪律处分条例》）；涉嫌违法犯罪的依法移送</source>
        <translation>Mass discipline: harming the public&apos;s interests, false or fraudulent claims, withholding or misappropriating welfare funds; work discipline: neglecting upkeep of the rolls (CPC Regulations on Disciplinary Actions); suspected crimes are referred under the law</translation>
    </message>
    <message>
        <source>低保/特困/临时救助名单中，同一身份证号在同一月份出现多次，或在两个以上村（社区）领取。仅姓名相同、身份证号不同的不比中。</source>
        <translation>In the subsistence allowance / extreme poverty / temporary assistance list, the same ID number appears more than once in a month, or is paid in two or more villages (communities). The same name with different ID numbers does not match.</translation>
    </message>
    <message>
        <source>同一人重复或多地享受救助，可能存在重复申报、虚报冒领或审核比对把关不严，需核实发放记录和资金去向。</source>
        <translation>One person receiving assistance twice or in several places may mean duplicate applications, false or fraudulent claims, or lax review and cross-checking; verify the payment records and where the money went.</translation>
    </message>
    <message>
        <source>群众纪律：虚报冒领、优亲厚友；工作纪律：审核把关不严（《中国共产党纪律处分条例》）</source>
        <translation>Mass discipline: false or fraudulent claims, favouring relatives and friends; work discipline: lax review (CPC Regulations on Disciplinary Actions)</translation>
    </message>
    <message>
        <source>村干部近亲属承接本村工程或签订三资合同</source>
        <translation>Village cadres&apos; relatives with village projects or collective assets contracts</translation>
    </message>
    <message>
        <source>村（社区）干部及其近亲属，按身份证号与本村集体“三资”合同的承包方比对，或其担任法定代表人、股东的企业中标本村工程项目（按企业名称或统一社会信用代码）。</source>
        <translation>Compares village (community) cadres and their close relatives by ID number with the contractors of the village&apos;s collective assets contracts, and finds companies they represent legally or hold shares in that won the village&apos;s construction projects (by company name or unified social credit code).</translation>
    </message>
    <message>
        <source>村干部本人或其近亲属承接本村工程、承包集体资产资源，可能存在利用职务影响为亲属谋利、未执行回避规定或暗箱操作，需核实发包程序和定价。</source>
        <translation>A village cadre or close relative taking on the village&apos;s projects or contracting its collective assets may mean using the post&apos;s influence for relatives, not recusing, or rigged dealings; verify the contracting procedure and pricing.</translation>
    </message>
    <message>
        <source>廉洁纪律：利用职权或职务上的影响为配偶、子女及其他特定关系人经营活动谋取利益（《中国共产党纪律处分条例》）</source>
        <translation>Integrity discipline: using one&apos;s power or the influence of one&apos;s post to benefit the business of a spouse, children or other specially related persons (CPC Regulations on Disciplinary Actions)</translation>
    </message>
    <message>
        <source>财政供养人员在企业担任法定代表人或股东</source>
        <translation>State-funded staff as legal representatives or shareholders of companies</translation>
    </message>
    <message>
        <source>公职人员/财政供养人员名单按身份证号与工商登记信息比对，在企业担任法定代表人或股东的比中。</source>
        <translation>Compares the public employee / state-funded staff roster with the business registration records by ID number. A person who is a company&apos;s legal representative or shareholder matches.</translation>
    </message>
    <message>
        <source>财政供养人员在企业担任法定代表人或持股，可能违规经商办企业，需核实其身份、是否经批准及企业经营与其职务的关系。</source>
        <translation>State-funded staff who are a company&apos;s legal representative or hold its shares may be running a business against the rules; verify their status, whether it was approved, and how the company&apos;s business relates to their post.</translation>
    </message>
    <message>
        <source>廉洁纪律：违反有关规定从事营利活动（《中国共产党纪律处分条例》）；公职人员不得从事或参与营利性活动、在企业兼任职务（《中华人民共和国公务员法》）</source>
        <translation>Integrity discipline: engaging in for-profit activities against the rules (CPC Regulations on Disciplinary Actions); public servants may not engage or take part in for-profit activities or hold posts in companies (Civil Servant Law of the People&apos;s Republic of China)</translation>
    </message>
    <message>
        <source>惠农补贴发放名单中，补贴面积超过承包面积且超出部分大于允许误差（百分比与亩数都要超过）。</source>
        <translation>In the farm subsidy payment list, the subsidised area exceeds the contracted area by more than the allowed margin (both the percentage and the mu must be exceeded).</translation>
    </message>
    <message>
        <source>补贴面积超过承包面积，可能虚报面积套取惠农补贴或核定不实，需核实土地确权和实际种植面积。</source>
        <translation>A subsidised area larger than the contracted area may mean an inflated area claimed for farm subsidies or a wrong assessment; verify the land rights registration and the area actually farmed.</translation>
    </message>
    <message>
        <source>群众纪律：虚报冒领、截留挪用惠农资金；工作纪律：审核把关不严（《中国共产党纪律处分条例》）</source>
        <translation>Mass discipline: false or fraudulent claims, withholding or misappropriating farm support funds; work discipline: lax review (CPC Regulations on Disciplinary Actions)</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>用户名或口令不正确。若系统管理员刚为你设置了新口令（例如停用后重新启用你的账户），或你在其他电脑上改过口令：本机保存的服务器连接仍用原来的口令加密，请用新口令重新连接巡察办服务器。</source>
        <translation>Wrong user name or passphrase. If a system administrator has just given you a new passphrase (for example by disabling and re-enabling your account), or you changed it on another computer: the connection kept on this computer is still encrypted under the old passphrase, so connect to the office server again with the new one.</translation>
    </message>
    <message>
        <source>此口令仍能打开本机保存的服务器连接，但已打不开你在巡察办服务器上的账户：你的口令已由系统管理员重新设置（例如停用后重新启用你的账户），或已在其他电脑上修改。请用新口令重新连接巡察办服务器。</source>
        <translation>This passphrase still opens the connection kept on this computer, but no longer your account on the office server: a system administrator has set a new passphrase for you (for example by disabling and re-enabling your account), or you changed it on another computer. Connect to the office server again with the new passphrase.</translation>
    </message>
    <message>
        <source>未发现问题</source>
        <translation>No problems found</translation>
    </message>
    <message>
        <source>政策清单</source>
        <translation>Policy list</translation>
    </message>
    <message>
        <source>职能清单</source>
        <translation>Functions list</translation>
    </message>
    <message>
        <source>综合监督信息清单</source>
        <translation>Comprehensive supervision information list</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Problem list</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>领导班子</source>
        <translation>Leadership team</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>未启动</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>推进中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>长期坚持</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>较好</source>
        <translation>Fairly good</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>差</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>整改方案</source>
        <translation>Rectification plan</translation>
    </message>
    <message>
        <source>整改报告</source>
        <translation>Rectification report</translation>
    </message>
    <message>
        <source>待报送</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>已报送</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>巡察办审核通过</source>
        <translation>Approved by the office</translation>
    </message>
    <message>
        <source>巡察报告</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <source>专题报告</source>
        <translation>Special report</translation>
    </message>
    <message>
        <source>线索报告</source>
        <translation>Clue report</translation>
    </message>
    <message>
        <source>反馈意见</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>立行立改通知书</source>
        <translation>Immediate correction notice</translation>
    </message>
    <message>
        <source>巡察建议书</source>
        <translation>Inspection recommendation</translation>
    </message>
    <message>
        <source>政治画像报告</source>
        <translation>Political portrait report</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>报审</source>
        <translation>Submitted for approval</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>永久</source>
        <translation>Permanent</translation>
    </message>
    <message>
        <source>30年</source>
        <translation>30 years</translation>
    </message>
    <message>
        <source>10年</source>
        <translation>10 years</translation>
    </message>
    <message>
        <source>低保/特困/临时救助名单</source>
        <translation>Subsistence allowance / extreme poverty / temporary assistance list</translation>
    </message>
    <message>
        <source>惠农补贴发放名单</source>
        <translation>Farm subsidy payment list</translation>
    </message>
    <message>
        <source>公职人员/财政供养人员名单</source>
        <translation>Public employee / state-funded staff roster</translation>
    </message>
    <message>
        <source>村（社区）干部名单</source>
        <translation>Village (community) cadre list</translation>
    </message>
    <message>
        <source>干部近亲属名单</source>
        <translation>Cadres&apos; close relatives list</translation>
    </message>
    <message>
        <source>死亡/火化人员名单</source>
        <translation>Death / cremation records</translation>
    </message>
    <message>
        <source>工商登记信息</source>
        <translation>Business registration records</translation>
    </message>
    <message>
        <source>工程项目中标信息</source>
        <translation>Construction project awards</translation>
    </message>
    <message>
        <source>集体“三资”合同</source>
        <translation>Collective assets contracts</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <source>属实</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>排除</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>监督单位</source>
        <translation>Supervising body</translation>
    </message>
    <message>
        <source>涉及金额</source>
        <translation>Amount involved</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>审批状态</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <source>评估人</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>关注程度</source>
        <translation>Attention level</translation>
    </message>
    <message>
        <source>授权文号</source>
        <translation>Authorisation no.</translation>
    </message>
    <message>
        <source>定性依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>一级分类</source>
        <translation>Primary category</translation>
    </message>
    <message>
        <source>二级分类</source>
        <translation>Secondary category</translation>
    </message>
    <message>
        <source>调整日期</source>
        <translation>Changed on</translation>
    </message>
    <message>
        <source>来信渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>明细</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>办结时间</source>
        <translation>Concluded at</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Close-out date</translation>
    </message>
    <message>
        <source>线索</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>编制日期</source>
        <translation>Date drafted</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>对象确认扫描件</source>
        <translation>Scan of the subject&apos;s confirmation</translation>
    </message>
    <message>
        <source>确认日期</source>
        <translation>Confirmed on</translation>
    </message>
    <message>
        <source>原文摘录</source>
        <translation>Quoted text</translation>
    </message>
    <message>
        <source>所属县（区）</source>
        <translation>County (district)</translation>
    </message>
    <message>
        <source>信访渠道</source>
        <translation>Reporting channels</translation>
    </message>
    <message>
        <source>创建时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>录入人</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>作废时间</source>
        <translation>Voided at</translation>
    </message>
    <message>
        <source>作废人</source>
        <translation>Voided by</translation>
    </message>
    <message>
        <source>涉及纪律</source>
        <translation>Disciplines involved</translation>
    </message>
    <message>
        <source>发现过程</source>
        <translation>How it was found</translation>
    </message>
    <message>
        <source>派出层级</source>
        <translation>Dispatched by</translation>
    </message>
    <message>
        <source>处置方式</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>文稿版本</source>
        <translation>Draft version</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>报送期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>重复件原件</source>
        <translation>Duplicate of</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End</translation>
    </message>
    <message>
        <source>督办</source>
        <translation>Chase</translation>
    </message>
    <message>
        <source>佐证材料目录</source>
        <translation>Evidence list</translation>
    </message>
    <message>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>材料类型</source>
        <translation>Material type</translation>
    </message>
    <message>
        <source>附加内容</source>
        <translation>Extra content</translation>
    </message>
    <message>
        <source>反馈时间</source>
        <translation>Feedback time</translation>
    </message>
    <message>
        <source>反馈期限</source>
        <translation>Feedback deadline</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>底稿</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>人员来源</source>
        <translation>Staffing source</translation>
    </message>
    <message>
        <source>发现的问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>问题分类框架</source>
        <translation>Problem framework</translation>
    </message>
    <message>
        <source>问题分类框架版本</source>
        <translation>Problem framework version</translation>
    </message>
    <message>
        <source>整改目标</source>
        <translation>Rectification goal</translation>
    </message>
    <message>
        <source>评估等次</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>来源县（区）</source>
        <translation>Home county (district)</translation>
    </message>
    <message>
        <source>来源层级</source>
        <translation>Home level</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>立行立改</source>
        <translation>Fixed at once</translation>
    </message>
    <message>
        <source>写入报告</source>
        <translation>In the report</translation>
    </message>
    <message>
        <source>谈话类型</source>
        <translation>Interview type</translation>
    </message>
    <message>
        <source>谈话人</source>
        <translation>Interviewers</translation>
    </message>
    <message>
        <source>条目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>件号</source>
        <translation>Item no.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>牵头部门</source>
        <translation>Lead department</translation>
    </message>
    <message>
        <source>牵头组</source>
        <translation>Lead team</translation>
    </message>
    <message>
        <source>分管领导</source>
        <translation>Leader in charge</translation>
    </message>
    <message>
        <source>主要负责人</source>
        <translation>Principal responsible person</translation>
    </message>
    <message>
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Rectification measures</translation>
    </message>
    <message>
        <source>组务会日期</source>
        <translation>Team meeting date</translation>
    </message>
    <message>
        <source>工作方法</source>
        <translation>Working method</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>新任主要负责人</source>
        <translation>New principal</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>原主要负责人</source>
        <translation>Previous principal</translation>
    </message>
    <message>
        <source>来源设备</source>
        <translation>Origin device</translation>
    </message>
    <message>
        <source>原件扫描</source>
        <translation>Scan of original</translation>
    </message>
    <message>
        <source>原单位</source>
        <translation>Home organisation</translation>
    </message>
    <message>
        <source>其他单位</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <source>处置结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>谈话提纲</source>
        <translation>Interview outline</translation>
    </message>
    <message>
        <source>总体评价</source>
        <translation>Overall assessment</translation>
    </message>
    <message>
        <source>基本情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>上级单位</source>
        <translation>Parent organization</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>巡察阶段</source>
        <translation>Inspection phase</translation>
    </message>
    <message>
        <source>阶段日期</source>
        <translation>Phase dates</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>方案状态</source>
        <translation>Plan status</translation>
    </message>
    <message>
        <source>分管工作</source>
        <translation>Responsibilities</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>具体问题</source>
        <translation>Specific issues</translation>
    </message>
    <message>
        <source>进展情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>拟办意见</source>
        <translation>Proposed handling</translation>
    </message>
    <message>
        <source>问</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>接收经办人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>回避申报</source>
        <translation>Recusal declaration</translation>
    </message>
    <message>
        <source>回避人员</source>
        <translation>Recused people</translation>
    </message>
    <message>
        <source>回避单位</source>
        <translation>Recused units</translation>
    </message>
    <message>
        <source>关联记录</source>
        <translation>Related records</translation>
    </message>
    <message>
        <source>报告类型</source>
        <translation>Report type</translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation>Person complained about</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>反映人姓名</source>
        <translation>Complainant&apos;s name</translation>
    </message>
    <message>
        <source>责任主体</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <source>办理结果</source>
        <translation>Handling outcome</translation>
    </message>
    <message>
        <source>保管期限</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>退回理由</source>
        <translation>Reason for return</translation>
    </message>
    <message>
        <source>巡察办审核意见</source>
        <translation>Office review opinion</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <source>审核日期</source>
        <translation>Reviewed on</translation>
    </message>
    <message>
        <source>回头看轮次</source>
        <translation>Follow-up of round</translation>
    </message>
    <message>
        <source>组内职务</source>
        <translation>Role in team</translation>
    </message>
    <message>
        <source>巡察轮次</source>
        <translation>Inspection round</translation>
    </message>
    <message>
        <source>巡察类型</source>
        <translation>Inspection type</translation>
    </message>
    <message>
        <source>第二移交单位</source>
        <translation>Second transfer unit</translation>
    </message>
    <message>
        <source>密级</source>
        <translation>Secrecy level</translation>
    </message>
    <message>
        <source>发函日期</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>来源记录</source>
        <translation>Source records</translation>
    </message>
    <message>
        <source>具体责任人</source>
        <translation>Person directly responsible</translation>
    </message>
    <message>
        <source>阶段</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation>Political affiliation</translation>
    </message>
    <message>
        <source>画像对象类型</source>
        <translation>Subject type</translation>
    </message>
    <message>
        <source>报送日期</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>问题分类</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Inspection team</translation>
    </message>
    <message>
        <source>画像模板</source>
        <translation>Portrait template</translation>
    </message>
    <message>
        <source>画像模板版本</source>
        <translation>Portrait template version</translation>
    </message>
    <message>
        <source>届次</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>任职结束</source>
        <translation>Term end</translation>
    </message>
    <message>
        <source>任职开始</source>
        <translation>Term start</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>专项主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>移交方式</source>
        <translation>Transfer method</translation>
    </message>
    <message>
        <source>转交单位</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>移交单位</source>
        <translation>Transferred to</translation>
    </message>
    <message>
        <source>移交时间</source>
        <translation>Transfer time</translation>
    </message>
    <message>
        <source>移交经办人</source>
        <translation>Transferred by</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <source>名单文件无法读取</source>
        <translation>The list file cannot be read</translation>
    </message>
    <message>
        <source>名单中有无法读取的行，未导入任何数据</source>
        <translation>The list has rows that cannot be read; nothing was imported</translation>
    </message>
    <message>
        <source>名单的列对应关系不完整或有误</source>
        <translation>The list&apos;s column mapping is incomplete or wrong</translation>
    </message>
    <message>
        <source>该名单文件已导入本轮次，未重复导入</source>
        <translation>This list file was already imported into this round; it was not imported again</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>救助类别</source>
        <translation>Assistance type</translation>
    </message>
    <message>
        <source>发放金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <source>享受起始日期</source>
        <translation>Receiving since</translation>
    </message>
    <message>
        <source>补贴项目</source>
        <translation>Subsidy</translation>
    </message>
    <message>
        <source>补贴金额</source>
        <translation>Subsidy amount</translation>
    </message>
    <message>
        <source>补贴面积（亩）</source>
        <translation>Subsidised area (mu)</translation>
    </message>
    <message>
        <source>承包面积（亩）</source>
        <translation>Contracted area (mu)</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Staff category</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>任职日期</source>
        <translation>In office since</translation>
    </message>
    <message>
        <source>离任日期</source>
        <translation>Left office on</translation>
    </message>
    <message>
        <source>干部姓名</source>
        <translation>Cadre&apos;s name</translation>
    </message>
    <message>
        <source>干部身份证号</source>
        <translation>Cadre&apos;s ID number</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>死亡日期</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>户籍地</source>
        <translation>Registered residence</translation>
    </message>
    <message>
        <source>企业名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>中标单位</source>
        <translation>Winning bidder</translation>
    </message>
    <message>
        <source>项目所在村（社区）</source>
        <translation>Project village (community)</translation>
    </message>
    <message>
        <source>中标金额</source>
        <translation>Award amount</translation>
    </message>
    <message>
        <source>中标日期</source>
        <translation>Award date</translation>
    </message>
    <message>
        <source>合同名称</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>承包方姓名</source>
        <translation>Contractor&apos;s name</translation>
    </message>
    <message>
        <source>承包方身份证号</source>
        <translation>Contractor&apos;s ID number</translation>
    </message>
    <message>
        <source>承包单位</source>
        <translation>Contracting company</translation>
    </message>
    <message>
        <source>合同金额</source>
        <translation>Contract amount</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>救助类别关键字（含任一即比中；不填：全部）</source>
        <translation>Assistance category keywords (any one matches; none: all)</translation>
    </message>
    <message>
        <source>企业身份关键字（含任一即比中；不填：全部）</source>
        <translation>Company role keywords (any one matches; none: all)</translation>
    </message>
    <message>
        <source>名单人员及其近亲属享受救助</source>
        <translation>Listed people or their relatives receiving assistance</translation>
    </message>
    <message>
        <source>死亡后仍领取</source>
        <translation>Paid after death</translation>
    </message>
    <message>
        <source>同一身份证号重复或多地领取</source>
        <translation>Same ID number paid twice or in several places</translation>
    </message>
    <message>
        <source>村干部近亲属承接本村工程或三资合同</source>
        <translation>Village cadres&apos; relatives with village projects or collective contracts</translation>
    </message>
    <message>
        <source>财政供养人员经商办企业</source>
        <translation>Public employees running or owning businesses</translation>
    </message>
    <message>
        <source>补贴面积超过承包面积</source>
        <translation>Subsidised area exceeds contracted area</translation>
    </message>
    <message>
        <source>比对的人员名单</source>
        <translation>Lists of people to check</translation>
    </message>
    <message>
        <source>含近亲属</source>
        <translation>Include relatives</translation>
    </message>
    <message>
        <source>比对的发放名单</source>
        <translation>Payment lists to check</translation>
    </message>
    <message>
        <source>宽限天数</source>
        <translation>Days of grace</translation>
    </message>
    <message>
        <source>同月重复领取</source>
        <translation>Paid twice in one month</translation>
    </message>
    <message>
        <source>多地领取</source>
        <translation>Paid in several places</translation>
    </message>
    <message>
        <source>含干部本人</source>
        <translation>Include the cadre</translation>
    </message>
    <message>
        <source>比对三资合同</source>
        <translation>Check collective contracts</translation>
    </message>
    <message>
        <source>比对工程项目</source>
        <translation>Check projects</translation>
    </message>
    <message>
        <source>允许超出（%）</source>
        <translation>Tolerance (%)</translation>
    </message>
    <message>
        <source>允许超出（亩）</source>
        <translation>Tolerance (mu)</translation>
    </message>
    <message>
        <source>补贴项目关键字（含任一即比中；不填：全部）</source>
        <translation>Subsidy item keywords (any one matches; none: all)</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Modified at</translation>
    </message>
    <message>
        <source>修改人</source>
        <translation>Modified by</translation>
    </message>
    <message>
        <source>运用建议</source>
        <translation>How to use it</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>作废理由</source>
        <translation>Reason for voiding</translation>
    </message>
    <message>
        <source>卷号</source>
        <translation>Volume no.</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>巡察组成员</source>
        <translation>Team member</translation>
    </message>
    <message>
        <source>谈话笔录</source>
        <translation>Interview transcript</translation>
    </message>
    <message>
        <source>底稿审签</source>
        <translation>Finding sign-off</translation>
    </message>
    <message>
        <source>政治画像</source>
        <translation>Political portrait</translation>
    </message>
    <message>
        <source>画像条目</source>
        <translation>Portrait item</translation>
    </message>
    <message>
        <source>整改方案/报告</source>
        <translation>Rectification plan/report</translation>
    </message>
    <message>
        <source>整改监督记录</source>
        <translation>Rectification supervision</translation>
    </message>
    <message>
        <source>整改质效评估</source>
        <translation>Rectification assessment</translation>
    </message>
    <message>
        <source>新官理旧账提醒函</source>
        <translation>Reminder letters to new leaders</translation>
    </message>
    <message>
        <source>归档材料</source>
        <translation>Archive materials</translation>
    </message>
    <message>
        <source>比对疑点</source>
        <translation>Cross-check hit</translation>
    </message>
    <message>
        <source>谈话对象</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>画像对象</source>
        <translation>Portrait subject</translation>
    </message>
    <message>
        <source>比对规则</source>
        <translation>Cross-check rule</translation>
    </message>
    <message>
        <source>规则版本</source>
        <translation>Rule version</translation>
    </message>
    <message>
        <source>规则名称</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>疑点标识</source>
        <translation>Hit key</translation>
    </message>
    <message>
        <source>涉及人员</source>
        <translation>Person concerned</translation>
    </message>
    <message>
        <source>比对情况</source>
        <translation>What matched</translation>
    </message>
    <message>
        <source>定性提示</source>
        <translation>Suggested qualification</translation>
    </message>
    <message>
        <source>比中数据</source>
        <translation>Matched rows</translation>
    </message>
    <message>
        <source>核实说明</source>
        <translation>Verification note</translation>
    </message>
    <message>
        <source>处理人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>处理时间</source>
        <translation>Decided at</translation>
    </message>
    <message>
        <source>未知的文书类型</source>
        <translation>Unknown document type.</translation>
    </message>
    <message>
        <source>缺少生成该文书所需的轮次、对象或记录</source>
        <translation>The round, subject or records needed to generate this document are missing.</translation>
    </message>
    <message>
        <source>输出文件已存在，不会覆盖</source>
        <translation>The output file already exists and will not be overwritten.</translation>
    </message>
    <message>
        <source>模板不可用</source>
        <translation>The template is unavailable.</translation>
    </message>
    <message>
        <source>不是本系统导出的台账文件，或表头已被改动</source>
        <translation>This is not a ledger file exported by this system, or its header row has been altered.</translation>
    </message>
    <message>
        <source>不是本系统的导入模板，或模板与所选的导入内容、版本不符</source>
        <translation>Not an import template of this program, or the template does not match the chosen import or version</translation>
    </message>
    <message>
        <source>发文字号无效</source>
        <translation>Invalid document number</translation>
    </message>
    <message>
        <source>该发文字号未为此文书签发，不能沿用</source>
        <translation>That document number was not issued to this document and cannot be reused</translation>
    </message>
    <message>
        <source>发文字号只能在巡察办数据库中编号：巡察组的文书请不带发文字号导出，交巡察办编号</source>
        <translation>Document numbers are drawn only in the inspection office&apos;s store: export a team&apos;s document without a number and let the office number it</translation>
    </message>
    <message>
        <source>只有巡察办人员或组长、副组长可以编发文字号</source>
        <translation>Only inspection office staff or a team leader or deputy leader may draw a document number</translation>
    </message>
    <message>
        <source>未找到 LibreOffice，不能在本程序中预览或打印文书页面；可导出后用 WPS 或 Word 打开</source>
        <translation>LibreOffice was not found, so documents cannot be previewed or printed in this program; export the document and open it in WPS or Word</translation>
    </message>
    <message>
        <source>LibreOffice 未能排出文书页面</source>
        <translation>LibreOffice could not lay out the document’s pages</translation>
    </message>
    <message>
        <source>安全审计员不得同时担任系统管理员或安全保密管理员（三员分立）</source>
        <translation>A security auditor may not also be a system administrator or a security administrator (separation of the three administrators).</translation>
    </message>
    <message>
        <source>此用户同时担任三员角色和业务角色。三员分立要求管理员不经办巡察业务，仅在人手不足时兼任，条件允许时应分设账户。</source>
        <translation>This user holds both an administrator role and a business role. The separation of the three administrators asks administrators not to handle inspection work; combine them only when short of staff, and use separate accounts when you can.</translation>
    </message>
    <message>
        <source>第一个用户必须担任系统管理员：只有系统管理员能添加用户，缺了这一角色，此数据库以后再也无法添加任何用户。请在角色中加上“系统管理员”（如 组长,系统管理员）；安全审计员不得兼任，应在建库后另行添加。</source>
        <translation>The first user must be a system administrator: only a system administrator can add users, and without one no user could ever be added to this store. Add the system administrator role to the roles (系统管理员 or sysadmin, e.g. 组长,系统管理员); a security auditor may not hold it as well and is added after the store is created.</translation>
    </message>
    <message>
        <source>记录员/信访专员</source>
        <translation>Recorder / petitions officer</translation>
    </message>
    <message>
        <source>巡察办</source>
        <translation>Inspection office</translation>
    </message>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>安全保密管理员</source>
        <translation>Security administrator</translation>
    </message>
    <message>
        <source>安全审计员</source>
        <translation>Security auditor</translation>
    </message>
    <message>
        <source>安全审计员只能查看审计日志，不能查看案件内容</source>
        <translation>The security auditor reads only the audit log, not case content</translation>
    </message>
    <message>
        <source>安全保密管理员只能管理密级和安全设置，不能查看案件内容</source>
        <translation>The security administrator manages only secrecy levels and security settings, not case content</translation>
    </message>
    <message>
        <source>系统管理员只能管理用户、设备和备份，不能查看案件内容</source>
        <translation>The system administrator manages only users, devices and backups, not case content</translation>
    </message>
    <message>
        <source>创建加密数据库（巡察办、巡察组）</source>
        <translation>Create encrypted databases (inspection office, inspection team)</translation>
    </message>
    <message>
        <source>设备注册（申请、签发、接受证书）</source>
        <translation>Device registration (request, issue and accept certificates)</translation>
    </message>
    <message>
        <source>巡察办建轮次并向巡察组下发部署包</source>
        <translation>Inspection office creates a round and sends a deployment package to the inspection team</translation>
    </message>
    <message>
        <source>巡察组写入问题底稿和加密附件</source>
        <translation>Inspection team writes findings and encrypted attachments</translation>
    </message>
    <message>
        <source>全文检索（两字词和四字词）</source>
        <translation>Full-text search (two- and four-character terms)</translation>
    </message>
    <message>
        <source>导出数据包并在巡察办导入</source>
        <translation>Export a package and import it at the inspection office</translation>
    </message>
    <message>
        <source>生成公文（问题底稿 .docx）</source>
        <translation>Generate documents (finding .docx)</translation>
    </message>
    <message>
        <source>解锁登录</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>新增记录</source>
        <translation>Record added</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>Record changed</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Record deleted</translation>
    </message>
    <message>
        <source>作废记录</source>
        <translation>Record voided</translation>
    </message>
    <message>
        <source>查看记录</source>
        <translation>Record read</translation>
    </message>
    <message>
        <source>打开附件</source>
        <translation>Attachment opened</translation>
    </message>
    <message>
        <source>导出附件</source>
        <translation>Attachment exported</translation>
    </message>
    <message>
        <source>导出文书</source>
        <translation>Document exported</translation>
    </message>
    <message>
        <source>导出列表</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>预览文书</source>
        <translation>Preview document</translation>
    </message>
    <message>
        <source>编发文号</source>
        <translation>Document number issued</translation>
    </message>
    <message>
        <source>导入整改台账</source>
        <translation>Rectification ledger imported</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>创建数据库</source>
        <translation>Store created</translation>
    </message>
    <message>
        <source>初始化巡察办</source>
        <translation>Office initialised</translation>
    </message>
    <message>
        <source>设置口令</source>
        <translation>Passphrase set</translation>
    </message>
    <message>
        <source>修改口令</source>
        <translation>Passphrase changed</translation>
    </message>
    <message>
        <source>用恢复码重设口令</source>
        <translation>Passphrase reset with recovery code</translation>
    </message>
    <message>
        <source>更换恢复码</source>
        <translation>Recovery code replaced</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Package exported</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Package imported</translation>
    </message>
    <message>
        <source>拒收数据包</source>
        <translation>Package refused</translation>
    </message>
    <message>
        <source>数据包告警</source>
        <translation>Package alert</translation>
    </message>
    <message>
        <source>生成部署包</source>
        <translation>Deployment package made</translation>
    </message>
    <message>
        <source>出具回执</source>
        <translation>Receipt issued</translation>
    </message>
    <message>
        <source>申请登记设备</source>
        <translation>Device enrolment requested</translation>
    </message>
    <message>
        <source>接受设备证书</source>
        <translation>Device certificate accepted</translation>
    </message>
    <message>
        <source>登记设备</source>
        <translation>Device enrolled</translation>
    </message>
    <message>
        <source>吊销设备</source>
        <translation>Device revoked</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Conflict resolved</translation>
    </message>
    <message>
        <source>导入轮次配置</source>
        <translation>Round set-up imported</translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation>Data list imported</translation>
    </message>
    <message>
        <source>删除名单</source>
        <translation>Data list removed</translation>
    </message>
    <message>
        <source>运行比对规则</source>
        <translation>Run cross-check rules</translation>
    </message>
    <message>
        <source>添加比对规则</source>
        <translation>Add a cross-check rule</translation>
    </message>
    <message>
        <source>停用比对规则</source>
        <translation>Retire a cross-check rule</translation>
    </message>
    <message>
        <source>轮次阶段变更</source>
        <translation>Round phase changed</translation>
    </message>
    <message>
        <source>专项巡察方案</source>
        <translation>Special round plan</translation>
    </message>
    <message>
        <source>回避例外</source>
        <translation>Recusal exception</translation>
    </message>
    <message>
        <source>关联组员</source>
        <translation>Link to team member</translation>
    </message>
    <message>
        <source>解除组员关联</source>
        <translation>Unlink team member</translation>
    </message>
    <message>
        <source>删除线索处置结果</source>
        <translation>Remove clue outcome</translation>
    </message>
    <message>
        <source>清除轮次数据</source>
        <translation>Round data wiped</translation>
    </message>
    <message>
        <source>清理拒收数据包</source>
        <translation>Refused packages cleared</translation>
    </message>
    <message>
        <source>角色授权</source>
        <translation>Role grant</translation>
    </message>
    <message>
        <source>补签角色授权</source>
        <translation>Role grants signed (store upgrade)</translation>
    </message>
    <message>
        <source>更换数据密钥</source>
        <translation>Change data key</translation>
    </message>
    <message>
        <source>审计锚点不符</source>
        <translation>Audit anchor mismatch</translation>
    </message>
    <message>
        <source>信任根不符</source>
        <translation>Root of trust mismatch</translation>
    </message>
    <message>
        <source>只有系统管理员能从备份恢复：请用备份中系统管理员的用户名和口令</source>
        <translation>Only a system administrator can restore a backup: use the username and passphrase of a system administrator of the backup</translation>
    </message>
    <message>
        <source>组员只能作废本人录入的记录；他人录入的记录请由组长或副组长作废</source>
        <translation>A team member may void only records they entered; others&apos; records are voided by the team leader or deputy leader</translation>
    </message>
    <message>
        <source>不能按此列排序</source>
        <translation>Cannot sort by this column</translation>
    </message>
    <message>
        <source>搜索文字过长</source>
        <translation>The search text is too long</translation>
    </message>
    <message>
        <source>作废须填写理由</source>
        <translation>Voiding needs a reason</translation>
    </message>
    <message>
        <source>该谈话笔录已经谈话对象确认，不能作废；如确需作废，请先由组长撤销确认。</source>
        <translation>The interviewee has confirmed this transcript, so it cannot be voided; if it must be, the team leader first revokes the confirmation.</translation>
    </message>
    <message>
        <source>该线索已移交，移交的内容不能再修改；办理进展请用“接收”“处置”“反馈”“办结”和“处置结果”登记。</source>
        <translation>This clue has been transferred; what was transferred can no longer be changed. Record its progress with Receive, Handle, Feedback, Conclude and Outcome.</translation>
    </message>
    <message>
        <source>该线索已办结，已锁定，不能修改；如需更正，请由巡察办与接收单位核实后另行登记说明。</source>
        <translation>This clue is concluded and locked; it can no longer be changed. For a correction, the inspection office checks with the receiving unit and records a separate note.</translation>
    </message>
    <message>
        <source>该信访件已提交组务会研究，登记内容不能再修改；请按组务会意见分类处置。</source>
        <translation>This letter has been discussed at a team meeting; its registration can no longer be changed. Dispose of it as the meeting decided.</translation>
    </message>
    <message>
        <source>该信访件已处置，已锁定，不能修改；如需更正，请提请组务会重新研究后另行登记。</source>
        <translation>This letter has been disposed of and is locked; it can no longer be changed. For a correction, ask the team meeting to review it again and register the outcome separately.</translation>
    </message>
    <message>
        <source>该底稿正在复核审签中，内容不能修改；如需修改，请先退回。</source>
        <translation>This working paper is under review and sign-off; its content can no longer be changed. To change it, return it first.</translation>
    </message>
    <message>
        <source>该底稿已审签，已锁定，不能修改；仅可调整是否纳入报告。</source>
        <translation>This working paper has been signed off and is locked; it can no longer be changed. Only whether it goes into the report may still change.</translation>
    </message>
    <message>
        <source>该整改事项已销号，已锁定，不能修改；仍可登记评估等次。如需更正，请由巡察办核实后另行登记。</source>
        <translation>This rectification item is closed out and locked; it can no longer be changed, though its grade can still be recorded. For a correction, the inspection office checks it and records it separately.</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>已作废：%1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <source>服务器上的数据不由本程序加密：此人若仍能登录数据库，可绕过本程序读取全部数据。请数据库管理员立即停用此人的数据库账号；若此账号由多人共用，请更换该账号的口令，并让其他人用新口令重新连接巡察办服务器。</source>
        <translation>Data on the server is not encrypted by this program: if this person can still log in to the database, they can read everything without the program. Ask the database administrator to disable this person&apos;s database login now; if the login is shared, change its password and have the others connect to the office server again with the new one.</translation>
    </message>
    <message>
        <source>恢复码所对应的不是本机所连接的那一个巡察办数据库（编号不同）：请核对服务器地址，或另选一个空文件夹</source>
        <translation>The recovery code is for another office store than the one this folder is connected to (the IDs differ): check the server address, or choose an empty folder</translation>
    </message>
    <message>
        <source>此文件夹连接的是巡察办服务器上的数据库：用恢复码找回口令时，还需再次提供服务器地址、数据库账号的口令和 CA 证书（向系统管理员索取）；也可请另一位系统管理员在用户管理中停用再启用你的账户，为你设置新口令</source>
        <translation>This folder is connected to the office store on the server: recovering a passphrase with the recovery code also needs the server address, the database login&apos;s password and the CA certificate again (ask your system administrator); or ask another system administrator to disable and re-enable your account in User management, which gives you a new passphrase</translation>
    </message>
    <message>
        <source>个别谈话</source>
        <translation>Individual interview</translation>
    </message>
    <message>
        <source>信访件</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>问题底稿</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation>Clue</translation>
    </message>
    <message>
        <source>工作记录</source>
        <translation>Work log</translation>
    </message>
    <message>
        <source>干部/人员</source>
        <translation>Cadre / person</translation>
    </message>
    <message>
        <source>被巡察对象</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation>Rectification item</translation>
    </message>
    <message>
        <source>清单条目</source>
        <translation>List entry</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>监督重点清单事项</source>
        <translation>Supervision focus item</translation>
    </message>
    <message>
        <source>修改设置</source>
        <translation>Change a setting</translation>
    </message>
    <message>
        <source>此用户是最后一位在用的系统管理员：停用或取消其系统管理员角色后，再也无法添加或管理用户。请先让另一位用户担任系统管理员。</source>
        <translation>This user is the last active system administrator: disabled or without that role, nobody could add or manage users any more. Make another user a system administrator first.</translation>
    </message>
    <message>
        <source>口令太短：至少需要 8 个字符</source>
        <translation>Passphrase too short: at least 8 characters are needed</translation>
    </message>
    <message>
        <source>当前口令不正确，口令未修改</source>
        <translation>The current passphrase is wrong; the passphrase was not changed</translation>
    </message>
    <message>
        <source>分类数据有误</source>
        <translation>The classification data is invalid.</translation>
    </message>
    <message>
        <source>未找到该分类数据</source>
        <translation>The classification data was not found.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>发生意外错误，操作未完成，数据未改变。详情已写入日志。</source>
        <translation>An unexpected error occurred. The operation was not completed and no data was changed. Details have been written to the log.</translation>
    </message>
    <message>
        <source>%1
（%2）</source>
        <translation>%1
(%2)</translation>
    </message>
    <message>
        <source>错误代码：</source>
        <translation>Error code: </translation>
    </message>
    <message>
        <source>时间：</source>
        <translation>Time: </translation>
    </message>
    <message>
        <source>日志文件：</source>
        <translation>Log file: </translation>
    </message>
    <message>
        <source>错误类型：</source>
        <translation>Error type: </translation>
    </message>
    <message>
        <source>请把日志文件交给系统管理员。</source>
        <translation>Please give the log file to the system administrator.</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Operation not completed</translation>
    </message>
</context>
</TS>
