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
        <source>（未写明）</source>
        <translation>(not stated)</translation>
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
        <source>信访件</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
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
        <source>名称：</source>
        <translation>Name: </translation>
    </message>
    <message>
        <source>大小：</source>
        <translation>Size: </translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
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
        <source>问题底稿</source>
        <translation>Findings</translation>
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
        <source>反馈期限</source>
        <translation>Feedback deadline</translation>
    </message>
    <message>
        <source>具体问题</source>
        <translation>Specific issues</translation>
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
        <source>开始推进</source>
        <translation>Start work</translation>
    </message>
    <message>
        <source>转为长期坚持</source>
        <translation>Mark as ongoing</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <source>加入附件…</source>
        <translation>Add attachment…</translation>
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
        <source>未分类</source>
        <translation>Uncategorized</translation>
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
    <name>LetterDialog</name>
    <message>
        <source>登记信访件</source>
        <translation>Register letter</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source>匿名</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>每行一人：姓名 职务 单位</source>
        <translation>One person per line: name, position, organisation</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>被巡察对象</source>
        <translation>Inspected organisation</translation>
    </message>
    <message>
        <source>反映人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
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
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
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
        <source>被反映人的干部级别：</source>
        <translation>Cadre level of the person complained about:</translation>
    </message>
    <message>
        <source>不能转为线索</source>
        <translation>Cannot turn into a clue</translation>
    </message>
    <message>
        <source>请先在上方选择巡察轮次，再登记信访件。</source>
        <translation>Select an inspection round above before registering a letter.</translation>
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
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
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
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <source>全部轮次</source>
        <translation>All rounds</translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message numerus="yes">
        <source>共 %n 条</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>没有符合条件的记录。</source>
        <translation>No matching records.</translation>
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
    <message numerus="yes">
        <source>找到 %n 条</source>
        <translation>
            <numerusform>%n result found</numerusform>
            <numerusform>%n results found</numerusform>
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
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>口令错误次数过多，请 %1 秒后再试</source>
        <translation>Too many incorrect passphrase attempts. Try again in %1 seconds.</translation>
    </message>
</context>
<context>
    <name>_ChoicePage</name>
    <message>
        <source>欢迎使用巡察工作台</source>
        <translation>Welcome to the Inspection Workbench</translation>
    </message>
    <message>
        <source>数据全部加密保存在本机，只通过加密数据包交换。</source>
        <translation>All data is stored encrypted on this computer and leaves it only in sealed packages.</translation>
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
        <source>选择…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>数据库文件夹：</source>
        <translation>Store folder:</translation>
    </message>
    <message>
        <source>选择数据库文件夹</source>
        <translation>Choose the store folder</translation>
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
        <source>该用户已停用</source>
        <translation>This user has been deactivated.</translation>
    </message>
    <message>
        <source>恢复码不正确</source>
        <translation>The recovery code is incorrect.</translation>
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
        <source>当前状态不允许此操作</source>
        <translation>This action is not allowed in the current state.</translation>
    </message>
    <message>
        <source>领导干部问题应登记为问题线索，不能形成底稿</source>
        <translation>Problems involving leading cadres must be registered as clues, not as findings.</translation>
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
        <source>数据库由更新版本的程序创建，请升级本程序</source>
        <translation>The database was created by a newer version of the program. Please upgrade this program.</translation>
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
        <source>设备登记失败</source>
        <translation>Device registration failed.</translation>
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
        <source>组长</source>
        <translation>Team leader</translation>
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
        <source>发现问题</source>
        <translation>Problems found</translation>
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
        <translation>Inspected organisation</translation>
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
        <source>发生意外错误，操作未完成，数据未改变。详情已写入日志。（WB-INTERNAL）</source>
        <translation>An unexpected error occurred. The operation was not completed and no data was changed. Details have been written to the log. (WB-INTERNAL)</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Operation not completed</translation>
    </message>
</context>
</TS>
